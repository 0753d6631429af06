import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';
import { notFound } from 'next/navigation';
import { DateTime } from '@/components/date-time';
import { getPublicIssue } from '@/lib/newsletter/archive';
import { articlePath, issueArchivePath } from '@/lib/site/urls';
import { feedTypes } from '@/lib/site/feeds';

export function generateStaticParams() {
  return [];
}
export const revalidate = 3600;

type Props = { params: Promise<{ id: string }> };

async function load(params: Props['params']) {
  const { id } = await params;
  return /^[1-9]\d{0,8}$/.test(id) ? getPublicIssue({ id: Number(id) }) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await load(params);
  return issue
    ? { title: issue.subject, alternates: { canonical: issueArchivePath(issue.id), types: feedTypes() } }
    : { title: 'Page not found' };
}

export default async function IssueWebVersion({ params }: Props) {
  const issue = await load(params);
  if (!issue) notFound();
  return (
    <article className="article">
      <p className="kicker">
        <SiteLink href="/newsletter/archive">Newsletter</SiteLink>
      </p>
      <h1 className="article__title">{issue.subject}</h1>
      <p className="article__meta">
        Sent <DateTime iso={issue.sentAt} /> {issue.audience ? `to ${issue.audience} subscribers` : 'to every subscriber'}
      </p>
      {/* Rendered from Markdown by lib/articles/markdown.ts, which lets no raw HTML or unsafe URL through. */}
      {issue.introHtml && <div className="prose" dangerouslySetInnerHTML={{ __html: issue.introHtml }} />}
      <ul className="compact-list">
        {issue.articles.map((a) => (
          <li key={a.slug}>
            <span className="kicker">{a.section}</span>
            <br />
            <SiteLink href={articlePath(a.slug)}>{a.title}</SiteLink>
            <p className="card__summary">{a.summary}</p>
            <span className="byline">By {a.author}</span>
          </li>
        ))}
      </ul>
    </article>
  );
}
