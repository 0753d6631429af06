import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CommentView } from '@/components/comments/comment-view';
import { ReportForm } from '@/components/comments/report-form';
import { SiteLink } from '@/components/site-link';
import { REPORT_REASONS } from '@/db/schema';
import { getArticleBySlug } from '@/lib/articles/queries';
import { submitReport } from '@/lib/comments/actions';
import { getApprovedComment } from '@/lib/comments/queries';
import { REPORT_NOTE_MAX, REPORT_REASON_LABELS } from '@/lib/comments/reports';
import { articlePath, isValidSlug } from '@/lib/site/urls';

// Reporting a comment to the moderators: linked from every approved comment, a page of its own so
// that it works the same with JavaScript off.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Report a comment', robots: { index: false, follow: false } };

export default async function ReportPage({ params }: { params: Promise<{ slug: string; commentId: string }> }) {
  const { slug, commentId } = await params;
  if (!isValidSlug(slug) || !/^[1-9]\d{0,11}$/.test(commentId)) notFound();
  const article = await getArticleBySlug({ slug });
  if (!article) notFound();
  const comment = getApprovedComment({ slug, id: Number(commentId) });
  if (!comment) notFound();
  const path = articlePath(slug);
  return (
    <div className="article">
      <p>
        <SiteLink href={`${path}#comment-${comment.id}`}>← Back to “{article.title}”</SiteLink>
      </p>
      <h1 className="article__title">Report a comment</h1>
      <p>
        A moderator reads every report. When several readers report a comment, it leaves the article until a moderator has looked at it.
        Your report is not shown to anyone else, and we keep no address or name with it.
      </p>
      <CommentView comment={comment} permalinkBase={path} />
      <ReportForm
        action={submitReport.bind(null, slug, comment.id)}
        reasons={REPORT_REASONS.map((value) => ({ value, label: REPORT_REASON_LABELS[value] }))}
        noteMax={REPORT_NOTE_MAX}
        backHref={`${path}#comment-${comment.id}`}
      />
    </div>
  );
}
