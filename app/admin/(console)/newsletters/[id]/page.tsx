import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { IssueForm } from '@/components/admin/issue-form';
import { IssueProgress } from '@/components/admin/issue-progress';
import { requireStaff } from '@/lib/auth/session';
import { saveIssueAction, sendIssueAction, sendTestIssueAction } from '@/lib/newsletter/admin-actions';
import {
  audienceLabel,
  countIssueRecipients,
  getIssue,
  getIssueProgress,
  listArticlesForComposer,
  listNewsletterSections,
  renderIssueEmail,
} from '@/lib/newsletter/issues';
import { issueVersion } from '@/lib/newsletter/issue-version';
import { issueArchivePath, parseIdParam } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Newsletter issue' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ confirm?: string }> };

export default async function IssuePage({ params, searchParams }: Props) {
  const staff = await requireStaff();
  const id = parseIdParam((await params).id);
  const issue = id === null ? null : getIssue(id);
  if (!issue) notFound();
  const confirming = (await searchParams).confirm === '1';
  const preview = await renderIssueEmail(issue, 'preview-token');
  // Who it would go to if sent now: confirmed, not paused, and for a section's issue, its subscribers.
  const recipients = countIssueRecipients({ sectionId: issue.sectionId });
  const audience = audienceLabel(issue.audience);
  const progress = issue.status === 'draft' ? null : getIssueProgress(issue.id);
  const articles = listArticlesForComposer({ include: issue.articles.map((a) => a.id) });

  return (
    <>
      <p>
        <Link href="/admin/newsletters">← Newsletters</Link>
      </p>
      <h1>{issue.subject}</h1>
      {progress && <IssueProgress issueId={issue.id} initial={progress} audience={audience} />}
      {!progress && (
        <p>
          Send to: <strong>{issue.audience ? `subscribers of ${issue.audience}` : 'everyone'}</strong>
        </p>
      )}
      {progress && (
        <p>
          <Link href={issueArchivePath(issue.id)}>Web version</Link>
        </p>
      )}

      {issue.status === 'draft' && (
        <section aria-labelledby="send-heading" className="aside-box">
          <h2 id="send-heading">Send</h2>
          <ActionForm action={sendTestIssueAction} className="inline-form" label="Send a test">
            <input type="hidden" name="id" value={issue.id} />
            <SubmitButton className="button--quiet" pendingText="Sending…">
              Send a test to {staff.email}
            </SubmitButton>
          </ActionForm>
          {staff.role !== 'admin' ? (
            <p className="hint">Only an admin can send an issue to subscribers.</p>
          ) : confirming ? (
            <ActionForm action={sendIssueAction} label="Confirm sending" className="confirm-send">
              <input type="hidden" name="id" value={issue.id} />
              {/* The draft as previewed on this page: a version saved since is refused, not sent unseen. */}
              <input type="hidden" name="version" value={issueVersion(issue)} />
              <p>
                <strong>
                  Send “{issue.subject}” to {recipients} confirmed {recipients === 1 ? 'subscriber' : 'subscribers'}
                  {issue.audience ? ` of ${issue.audience}` : ''}?
                </strong>{' '}
                Paused subscribers are left out. This cannot be undone.
              </p>
              <SubmitButton pendingText="Starting…">
                Yes, send to {recipients} {audience}
              </SubmitButton>{' '}
              <Link href={`/admin/newsletters/${issue.id}`}>Cancel</Link>
            </ActionForm>
          ) : (
            <p>
              <Link className="button" href={`/admin/newsletters/${issue.id}?confirm=1`}>
                Send…
              </Link>
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        <p className="hint">
          Exactly as sent: subject “{preview.subject}”, with each subscriber&apos;s own unsubscribe link and these headers:{' '}
          {Object.keys(preview.headers).join(', ')}.
        </p>
        <iframe title="HTML version of the issue" sandbox="" srcDoc={preview.html} className="mail-frame" />
        <details>
          <summary>Plain-text version</summary>
          <pre className="mail-text">{preview.text}</pre>
        </details>
      </section>

      {issue.status === 'draft' && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit</h2>
          <IssueForm
            action={saveIssueAction}
            issueId={issue.id}
            subject={issue.subject}
            intro={issue.intro}
            articles={articles}
            selected={issue.articles.map((a) => a.id)}
            sections={listNewsletterSections()}
            sectionId={issue.sectionId}
          />
        </section>
      )}
    </>
  );
}
