import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { DateTime } from '@/components/date-time';
import { getArticleForEditing, getRevision, listRevisions } from '@/lib/articles/admin-queries';
import { restoreRevisionAction } from '@/lib/articles/admin-actions';
import { diffLines } from '@/lib/articles/diff';
import type { ArticleFields } from '@/lib/articles/article-links';
import { requireStaff } from '@/lib/auth/session';
import { parseIdParam } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Revisions' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ compare?: string }> };

function Diff({ label, before, after }: { label: string; before: string; after: string }) {
  if (before === after) return null;
  return (
    <section aria-label={`Changes to the ${label.toLowerCase()}`}>
      <h3>{label}</h3>
      <pre className="diff">
        {diffLines(before, after).map((line, i) => (
          <span key={i} className={`diff__line diff__line--${line.kind}`}>
            {line.kind === 'added' ? <ins>+ {line.text}</ins> : line.kind === 'removed' ? <del>− {line.text}</del> : `  ${line.text}`}
            {'\n'}
          </span>
        ))}
      </pre>
    </section>
  );
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  await requireStaff('editor');
  const id = parseIdParam((await params).id);
  const article = id === null ? null : getArticleForEditing({ id });
  if (!article) notFound();
  const revisions = listRevisions({ articleId: article.id });
  const { compare } = await searchParams;
  const compareId = parseIdParam(compare);
  const chosen = compareId === null ? null : getRevision({ articleId: article.id, id: compareId });
  const old = chosen ? (chosen.fields as unknown as ArticleFields) : null;
  return (
    <>
      <h1>Revisions of “{article.title}”</h1>
      <p>
        <Link href={`/admin/articles/${article.id}`}>Back to the editor</Link> · the current text is version {article.version}
      </p>
      {revisions.length === 0 ? (
        <p className="hint">No earlier revisions: one is kept each time a published article is saved.</p>
      ) : (
        <ol className="revision-list">
          {revisions.map((r) => (
            <li key={r.id}>
              <Link
                href={`/admin/articles/${article.id}/revisions?compare=${r.id}`}
                aria-current={chosen?.id === r.id ? 'true' : undefined}
              >
                Version {r.version}
              </Link>
              , saved <DateTime iso={r.createdAt.toISOString()} showTime />
              {r.savedBy && <> by {r.savedBy}</>}
            </li>
          ))}
        </ol>
      )}
      {chosen && old && (
        <section aria-labelledby="compare-heading">
          <h2 id="compare-heading">Version {chosen.version} compared with the current text</h2>
          <p className="hint">Lines marked − are only in version {chosen.version}; lines marked + are only in the current text.</p>
          <Diff label="Title" before={old.title} after={article.title} />
          <Diff label="Summary" before={old.summary} after={article.summary} />
          <Diff label="Body" before={old.body} after={article.body} />
          <Diff label="Correction" before={old.correction} after={article.correction} />
          <ActionForm action={restoreRevisionAction} label="Restore this revision">
            <input type="hidden" name="articleId" value={article.id} />
            <input type="hidden" name="revisionId" value={chosen.id} />
            <input type="hidden" name="version" value={article.version} />
            <p>
              Restoring puts version {chosen.version}’s text back{article.status === 'published' ? ' on the site at once' : ''}; the current
              text is kept as a revision.
            </p>
            <SubmitButton pendingText="Restoring…">Restore version {chosen.version}</SubmitButton>
          </ActionForm>
        </section>
      )}
    </>
  );
}
