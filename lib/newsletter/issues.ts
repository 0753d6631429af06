import 'server-only';
import { createElement } from 'react';
import { and, asc, count, desc, eq, exists, gt, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { runAfterResponse } from '@/lib/jobs/after-response';
import { getDb } from '@/db';
import {
  articles,
  authors,
  sections,
  emailOutbox,
  media,
  newsletterIssueArticles,
  newsletterIssues,
  subscriberSections,
  subscribers,
} from '@/db/schema';
import NewsletterIssue from '@/emails/newsletter-issue';
import { renderMarkdown } from '@/lib/articles/markdown';
import { variantUrl } from '@/lib/media/rules';
import { isLive } from '@/lib/articles/queries';
import { invalidateCacheTags } from '@/lib/cache/invalidate';
import { brand, enqueueEmail, kickMailDelivery, renderEmail } from '@/lib/mail';
import { prepareSharedEmailEnqueue } from '@/lib/mail/outbox';
import { createSharedEmail } from '@/lib/mail/shared-emails';
import { absoluteUrl, articlePath, issueArchivePath } from '@/lib/site/urls';
import { issueVersion } from './issue-version';
import { managePageUrl, newsletterHeaders, unsubscribePageUrl } from './links';
import { subscriberRef } from './subscriptions';

// Newsletter issues: compose from articles, preview, test, send to every confirmed subscriber (or
// the subscribers of one section) through the outbox (one row each, filled in from one shared
// email, batched 100 a request by the deliverer).

export const ISSUES_TAG = 'newsletter-issues';
/** The placeholder for each recipient's own unsubscribe (and manage) token in a shared issue email. */
export const UNSUB = '__UNSUB_TOKEN__';
const QUEUE_CHUNK = 500;

export const issueGroupKey = (id: number) => `issue:${id}`;
export const issueRecipientKey = (issueId: number, subscriberId: number) => `issue/${issueId}/subscriber/${subscriberId}`;

/**
 * Live articles for the composer: the newest 40, plus any older ones a draft already holds (or
 * saving it again would drop them), and which were published since the last issue.
 */
export function listArticlesForComposer({ include = [], limit = 40 }: { include?: number[]; limit?: number } = {}) {
  const db = getDb();
  const lastSent = db
    .select({ at: newsletterIssues.sendStartedAt })
    .from(newsletterIssues)
    .where(isNotNull(newsletterIssues.sendStartedAt))
    .orderBy(desc(newsletterIssues.sendStartedAt))
    .get()?.at;
  const since = lastSent ?? new Date(Date.now() - 7 * 86_400_000);
  const query = () =>
    db
      .select({ id: articles.id, title: articles.title, publishedAt: articles.publishedAt, section: sections.name })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .orderBy(desc(articles.publishedAt));
  const newest = query().where(isLive()).limit(limit).all();
  const shown = new Set(newest.map((r) => r.id));
  const older = include.some((id) => !shown.has(id))
    ? query()
        .where(and(isLive(), inArray(articles.id, include)))
        .all()
        .filter((r) => !shown.has(r.id))
    : [];
  return [...newest, ...older].map((r) => ({
    ...r,
    publishedAt: (r.publishedAt ?? new Date(0)).toISOString(),
    sinceLastIssue: (r.publishedAt?.getTime() ?? 0) > since.getTime(),
  }));
}

export function listIssues() {
  return getDb()
    .select({
      id: newsletterIssues.id,
      subject: newsletterIssues.subject,
      status: newsletterIssues.status,
      createdAt: newsletterIssues.createdAt,
      sendStartedAt: newsletterIssues.sendStartedAt,
      recipientCount: newsletterIssues.recipientCount,
      /** The section's name for a section issue; null when it is for everyone. */
      audience: sections.name,
    })
    .from(newsletterIssues)
    .leftJoin(sections, eq(sections.id, newsletterIssues.sectionId))
    .orderBy(desc(newsletterIssues.id))
    .all();
}

/** An issue's articles in the editor's order; `liveOnly` leaves out any taken down since. */
function issueArticles(id: number, { liveOnly = false } = {}) {
  return getDb()
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      summary: articles.summary,
      section: sections.name,
      author: authors.name,
      position: newsletterIssueArticles.position,
      imageHash: media.hash,
      imageAlt: articles.imageAlt,
    })
    .from(newsletterIssueArticles)
    .innerJoin(articles, eq(articles.id, newsletterIssueArticles.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .leftJoin(media, eq(media.id, articles.imageId))
    .where(liveOnly ? and(eq(newsletterIssueArticles.issueId, id), isLive()) : eq(newsletterIssueArticles.issueId, id))
    .orderBy(asc(newsletterIssueArticles.position), asc(articles.id))
    .all();
}

export function getIssue(id: number) {
  const issue = getDb().select().from(newsletterIssues).where(eq(newsletterIssues.id, id)).get();
  if (!issue) return null;
  const section = issue.sectionId === null ? null : (getSectionName(issue.sectionId) ?? null);
  return { ...issue, audience: section, articles: issueArticles(id) };
}

const getSectionName = (id: number) => getDb().select({ name: sections.name }).from(sections).where(eq(sections.id, id)).get()?.name;

/** The sections an issue can be sent to, and a subscriber can choose, in the navigation's order. */
export function listNewsletterSections() {
  return getDb().select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name)).all();
}

/** Who an issue is for, in words: "subscribers" or "subscribers of Politics". */
export const audienceLabel = (section: string | null) => (section ? `subscribers of ${section}` : 'subscribers');
export type IssueWithArticles = NonNullable<ReturnType<typeof getIssue>>;

/**
 * Creates a draft, or replaces a draft's subject, introduction, audience (`sectionId`, null for
 * everyone; the caller checks it names a section) and ordered articles. Null when the issue is no
 * longer a draft.
 */
export function saveIssueDraft({
  id,
  subject,
  intro,
  articleIds,
  sectionId = null,
  actor,
}: {
  id?: number;
  subject: string;
  intro: string;
  articleIds: number[];
  sectionId?: number | null;
  actor: string;
}) {
  const now = new Date();
  return getDb().transaction(
    (tx) => {
      let issueId = id;
      if (issueId === undefined) {
        issueId = tx
          .insert(newsletterIssues)
          .values({ subject, intro, sectionId, createdBy: actor, createdAt: now, updatedAt: now })
          .returning({ id: newsletterIssues.id })
          .get().id;
      } else {
        const changed = tx
          .update(newsletterIssues)
          .set({ subject, intro, sectionId, updatedAt: now })
          .where(and(eq(newsletterIssues.id, issueId), eq(newsletterIssues.status, 'draft')))
          .run().changes;
        if (changed === 0) return null;
        tx.delete(newsletterIssueArticles).where(eq(newsletterIssueArticles.issueId, issueId)).run();
      }
      const live = new Set(
        articleIds.length
          ? tx
              .select({ id: articles.id })
              .from(articles)
              .where(and(inArray(articles.id, articleIds), isLive()))
              .all()
              .map((r) => r.id)
          : [],
      );
      articleIds
        .filter((a, i) => live.has(a) && articleIds.indexOf(a) === i)
        .forEach((articleId, position) => {
          tx.insert(newsletterIssueArticles).values({ issueId: issueId!, articleId, position }).run();
        });
      return issueId;
    },
    { behavior: 'immediate' },
  );
}

/** The issue as an email, with `unsubscribeToken` in its links and headers (a placeholder for a send). */
export async function renderIssueEmail(issue: IssueWithArticles, unsubscribeToken: string) {
  const props = {
    brand: brand(),
    subject: issue.subject,
    introHtml: issue.intro ? renderMarkdown(issue.intro) : '',
    articles: issue.articles.map((a) => ({
      title: a.title,
      summary: a.summary,
      url: absoluteUrl(articlePath(a.slug)),
      section: a.section,
      byline: `By ${a.author}`,
      // JPEG: Outlook does not read WebP; 640 pixels for a 560-pixel column, sharp on most screens.
      image: a.imageHash ? { url: absoluteUrl(variantUrl(a.imageHash, 640, 'jpeg')), alt: a.imageAlt } : null,
    })),
    webUrl: absoluteUrl(issueArchivePath(issue.id)),
    unsubscribeUrl: unsubscribePageUrl(unsubscribeToken),
    manageUrl: managePageUrl(unsubscribeToken),
  };
  const email = await renderEmail(issue.subject, createElement(NewsletterIssue, props));
  return { ...email, headers: newsletterHeaders(unsubscribeToken) };
}

/** A copy to one staff address, marked as a test in the subject. */
export async function sendTestIssue({ id, to }: { id: number; to: string }) {
  const issue = getIssue(id);
  if (!issue) return false;
  const email = await renderIssueEmail(issue, 'test-only-this-link-does-nothing');
  getDb().transaction((tx) => enqueueEmail(tx, { kind: 'newsletter_test', to, ...email, subject: `[Test] ${email.subject}` }), {
    behavior: 'immediate',
  });
  kickMailDelivery();
  return true;
}

/**
 * Who an issue starting to go out at `at` is for: subscribers confirmed by then and not paused
 * then; for a section's issue (`sectionId`), only those who take every section or chose that one.
 */
const recipientsAt = (at: Date, sectionId: number | null = null) =>
  and(
    eq(subscribers.status, 'confirmed'),
    lte(subscribers.confirmedAt, at),
    or(isNull(subscribers.pausedUntil), lte(subscribers.pausedUntil, at)),
    sectionId === null
      ? undefined
      : or(
          eq(subscribers.allSections, true),
          exists(
            getDb()
              .select({ one: subscriberSections.subscriberId })
              .from(subscriberSections)
              .where(and(eq(subscriberSections.subscriberId, subscribers.id), eq(subscriberSections.sectionId, sectionId))),
          ),
        ),
  );

/** Every confirmed subscriber, paused or not, whatever their sections. */
export function countConfirmedSubscribers(): number {
  return (
    getDb()
      .select({ n: count() })
      .from(subscribers)
      .where(and(eq(subscribers.status, 'confirmed'), lte(subscribers.confirmedAt, new Date())))
      .get()?.n ?? 0
  );
}

/** How many an issue for `sectionId` (null: everyone) would go to if it started now. */
export function countIssueRecipients({ sectionId = null, at = new Date() }: { sectionId?: number | null; at?: Date } = {}): number {
  return getDb().select({ n: count() }).from(subscribers).where(recipientsAt(at, sectionId)).get()?.n ?? 0;
}

export type SendStart = 'started' | 'not-draft' | 'changed';

/**
 * Starts sending the draft as it was at `version` (what the sender previewed, audience included):
 * fixes the recipients (everyone confirmed now and not paused, in the issue's section if it has
 * one), stores the rendered email once, then queues one row per recipient
 * in the background. Refuses a draft changed since, and anything that is no longer a draft.
 */
export async function startSendingIssue({ id, actor, version }: { id: number; actor: string; version: string }): Promise<SendStart> {
  const issue = getIssue(id);
  if (!issue || issue.status !== 'draft') return 'not-draft';
  if (issueVersion(issue) !== version) return 'changed';
  const email = await renderIssueEmail(issue, UNSUB);
  const now = new Date();
  const started = getDb().transaction(
    (tx): SendStart => {
      // Rendering took a moment: check again, in the transaction, that nobody saved the draft since.
      const current = getIssue(id);
      if (!current || current.status !== 'draft') return 'not-draft';
      if (issueVersion(current) !== version) return 'changed';
      const sharedEmailId = createSharedEmail(tx, email);
      // An estimate for the progress bar until queuing finishes and counts the rows it made.
      const recipients = tx.select({ n: count() }).from(subscribers).where(recipientsAt(now, current.sectionId)).get()?.n ?? 0;
      tx.update(newsletterIssues)
        .set({ status: 'sending', sendStartedAt: now, sentBy: actor, recipientCount: recipients, sharedEmailId, updatedAt: now })
        .where(and(eq(newsletterIssues.id, id), eq(newsletterIssues.status, 'draft')))
        .run();
      return 'started';
    },
    { behavior: 'immediate' },
  );
  if (started !== 'started') return started;
  invalidateCacheTags([ISSUES_TAG]);
  runAfterResponse(`queuing issue ${id}`, () => queueIssueRecipients(id));
  return 'started';
}

/**
 * Queues the issue for every subscriber confirmed when sending started, 500 per transaction,
 * resuming where it stopped. The per-recipient idempotency key makes a repeat add nothing.
 */
export async function queueIssueRecipients(id: number): Promise<void> {
  const db = getDb();
  for (;;) {
    const done = db.transaction(
      (tx) => {
        const issue = tx.select().from(newsletterIssues).where(eq(newsletterIssues.id, id)).get();
        if (!issue || issue.status !== 'sending' || issue.queuedAt || !issue.sharedEmailId || !issue.sendStartedAt) return true;
        const batch = tx
          .select({ id: subscribers.id, email: subscribers.email, unsubscribeToken: subscribers.unsubscribeToken })
          .from(subscribers)
          .where(and(recipientsAt(issue.sendStartedAt, issue.sectionId), gt(subscribers.id, issue.queuedThroughSubscriberId)))
          .orderBy(asc(subscribers.id))
          .limit(QUEUE_CHUNK)
          .all();
        const enqueue = prepareSharedEmailEnqueue(tx);
        for (const s of batch) {
          enqueue({
            kind: 'newsletter_issue',
            to: s.email,
            subject: issue.subject,
            sharedEmailId: issue.sharedEmailId,
            vars: { [UNSUB]: s.unsubscribeToken },
            idempotencyKey: issueRecipientKey(id, s.id),
            ref: subscriberRef(s.id),
            groupKey: issueGroupKey(id),
          });
        }
        const last = batch.at(-1);
        // Once everyone is queued, the recipients are exactly the rows queued: someone who left
        // between the start and their turn in the queue is not one, and the bar can reach 100%.
        const queued = () =>
          tx
            .select({ n: count() })
            .from(emailOutbox)
            .where(eq(emailOutbox.groupKey, issueGroupKey(id)))
            .get()?.n ?? 0;
        tx.update(newsletterIssues)
          .set(last ? { queuedThroughSubscriberId: last.id } : { queuedAt: new Date(), recipientCount: queued() })
          .where(eq(newsletterIssues.id, id))
          .run();
        return !last;
      },
      { behavior: 'immediate' },
    );
    kickMailDelivery();
    if (done) return;
    // Let requests in between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface IssueProgress {
  recipients: number;
  sent: number;
  failed: number;
  /** Unsubscribed (or deleted) while the issue was going out. */
  cancelled: number;
  remaining: number;
  done: boolean;
}

export function getIssueProgress(id: number): IssueProgress | null {
  const db = getDb();
  const issue = db.select().from(newsletterIssues).where(eq(newsletterIssues.id, id)).get();
  if (!issue) return null;
  const counts = Object.fromEntries(
    db
      .select({ status: emailOutbox.status, n: count() })
      .from(emailOutbox)
      .where(eq(emailOutbox.groupKey, issueGroupKey(id)))
      .groupBy(emailOutbox.status)
      .all()
      .map((r) => [r.status, r.n]),
  ) as Partial<Record<string, number>>;
  const recipients = issue.recipientCount ?? 0;
  const sent = counts.sent ?? 0;
  const failed = counts.failed ?? 0;
  const cancelled = counts.cancelled ?? 0;
  const remaining = Math.max(0, recipients - sent - failed - cancelled);
  return { recipients, sent, failed, cancelled, remaining, done: issue.status === 'sent' || (issue.queuedAt !== null && remaining === 0) };
}

/** Marks issues whose every email has been dealt with as sent; resumes queuing cut short by a restart. */
export async function tendSendingIssues(): Promise<void> {
  const db = getDb();
  const sending = db
    .select({ id: newsletterIssues.id, queuedAt: newsletterIssues.queuedAt })
    .from(newsletterIssues)
    .where(eq(newsletterIssues.status, 'sending'))
    .all();
  for (const issue of sending) {
    if (!issue.queuedAt) {
      await queueIssueRecipients(issue.id);
      continue;
    }
    const open = db
      .select({ n: count() })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.groupKey, issueGroupKey(issue.id)), inArray(emailOutbox.status, ['queued', 'sending'])))
      .get()?.n;
    if (!open) {
      db.update(newsletterIssues).set({ status: 'sent', updatedAt: new Date() }).where(eq(newsletterIssues.id, issue.id)).run();
      invalidateCacheTags([ISSUES_TAG]);
    }
  }
}

/** Public archive: issues that have gone out, newest first, with the section each was for (null: everyone). */
export function listSentIssues() {
  return getDb()
    .select({ id: newsletterIssues.id, subject: newsletterIssues.subject, sentAt: newsletterIssues.sendStartedAt, audience: sections.name })
    .from(newsletterIssues)
    .leftJoin(sections, eq(sections.id, newsletterIssues.sectionId))
    .where(inArray(newsletterIssues.status, ['sending', 'sent']))
    .orderBy(desc(newsletterIssues.sendStartedAt))
    .all()
    .map((r) => ({ ...r, sentAt: (r.sentAt ?? new Date(0)).toISOString() }));
}

/** The web version of a sent issue: public columns only, and only articles still live. */
export function getSentIssue(id: number) {
  const issue = getDb()
    .select({
      id: newsletterIssues.id,
      subject: newsletterIssues.subject,
      intro: newsletterIssues.intro,
      status: newsletterIssues.status,
      sendStartedAt: newsletterIssues.sendStartedAt,
      audience: sections.name,
    })
    .from(newsletterIssues)
    .leftJoin(sections, eq(sections.id, newsletterIssues.sectionId))
    .where(eq(newsletterIssues.id, id))
    .get();
  if (!issue || issue.status === 'draft') return null;
  return {
    id: issue.id,
    subject: issue.subject,
    audience: issue.audience,
    introHtml: issue.intro ? renderMarkdown(issue.intro) : '',
    sentAt: (issue.sendStartedAt ?? new Date(0)).toISOString(),
    // An article taken down since the issue went out is left out, not linked to a missing page.
    articles: issueArticles(id, { liveOnly: true }).map((a) => ({
      slug: a.slug,
      title: a.title,
      summary: a.summary,
      section: a.section,
      author: a.author,
    })),
  };
}
