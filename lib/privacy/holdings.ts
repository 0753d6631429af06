import 'server-only';
import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import {
  articles,
  commenterCredentials,
  commenters,
  comments,
  emailOutbox,
  replyNotifications,
  sections,
  subscribers,
  subscriberSections,
  type CommentStatus,
  type SubscriberStatus,
} from '@/db/schema';
import { normaliseEmail } from '@/lib/newsletter/email';
import { logStaffAction } from '@/lib/staff/log';

// What the site holds for one email address: what "My data" shows the reader, what the download
// contains, and what erasure removes (erase.ts). Read from the database only, never a cache.

/** How far back the list of emails we sent goes. */
export const SENT_EMAILS_DAYS = 90;

export interface HeldComment {
  id: number;
  article: { title: string; slug: string };
  status: CommentStatus;
  name: string;
  website: string | null;
  text: string;
  /** ISO times. */
  postedAt: string;
  editedAt: string | null;
  /** The comment this one answers, if any. */
  inReplyTo: number | null;
  /** The author asked to be emailed when someone replies to it. */
  emailOnReplies: boolean;
}

/** The address as a commenter proved it (lib/comments/commenters.ts), and its reply emails. */
export interface HeldCommenter {
  provenAt: string | null;
  /** Browsers holding a credential for the address now. */
  browsers: number;
  /** Every reply email turned off. */
  replyEmailsOff: boolean;
  trust: 'auto' | 'always-moderate' | 'trusted';
  replyEmailsSent: number;
}

export interface HeldSubscription {
  status: SubscriberStatus;
  /** How and when the person consented: the page they signed up on, the time. */
  consent: { source: string | null; at: string | null; confirmedAt: string | null };
  sections: 'all' | string[];
  pausedUntil: string | null;
  addressChangePendingTo: string | null;
  subscribedAt: string;
  unsubscribedAt: string | null;
}

export interface HeldEmail {
  subject: string;
  kind: string;
  status: string;
  /** When it was queued, and when it went. */
  createdAt: string;
  sentAt: string | null;
}

export interface Holdings {
  email: string;
  comments: HeldComment[];
  subscription: HeldSubscription | null;
  commenter: HeldCommenter | null;
  emails: HeldEmail[];
  /** Records of emails sent before the last 90 days (who, what, when; the bodies are long gone). */
  olderEmails: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The spellings an address may be stored under: comments keep what zod's check let through, lower
 * case; subscribers the normalised form (lower case, domain in punycode). Both, once.
 */
export function storedSpellings(rawEmail: string): string[] {
  const lower = rawEmail.trim().toLowerCase();
  const normalised = normaliseEmail(rawEmail);
  return [...new Set([lower, ...(normalised.ok ? [normalised.email] : [])])].filter((e) => e !== '');
}

/** Everything held for the address, newest first. */
export function collectHoldings(rawEmail: string, { db = getDb(), now = new Date() }: { db?: DbOrTx; now?: Date } = {}): Holdings {
  const spellings = storedSpellings(rawEmail);
  const heldComments = db
    .select({
      id: comments.id,
      title: articles.title,
      slug: articles.slug,
      status: comments.status,
      name: comments.authorName,
      website: comments.authorUrl,
      text: comments.body,
      postedAt: comments.createdAt,
      editedAt: comments.editedAt,
      inReplyTo: comments.parentId,
      emailOnReplies: comments.notifyReplies,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(inArray(comments.authorEmail, spellings), isNull(comments.erasedAt), eq(comments.isStaff, false)))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .all()
    .map((c) => ({
      id: c.id,
      article: { title: c.title, slug: c.slug },
      status: c.status,
      name: c.name,
      website: c.website,
      text: c.text,
      postedAt: c.postedAt.toISOString(),
      editedAt: iso(c.editedAt),
      inReplyTo: c.inReplyTo,
      emailOnReplies: c.emailOnReplies,
    }));

  const proof = db.select().from(commenters).where(inArray(commenters.email, spellings)).get();
  const commenter: HeldCommenter | null = proof
    ? {
        provenAt: iso(proof.provenAt),
        browsers:
          db
            .select({ n: count() })
            .from(commenterCredentials)
            .where(and(eq(commenterCredentials.commenterId, proof.id), isNull(commenterCredentials.revokedAt)))
            .get()?.n ?? 0,
        replyEmailsOff: proof.repliesOff,
        trust: proof.trust,
        replyEmailsSent:
          db
            .select({ n: count() })
            .from(replyNotifications)
            .where(and(eq(replyNotifications.commenterId, proof.id), isNotNull(replyNotifications.emailedAt)))
            .get()?.n ?? 0,
      }
    : null;

  const row = db.select().from(subscribers).where(inArray(subscribers.email, spellings)).get();
  let subscription: HeldSubscription | null = null;
  if (row) {
    const chosen = row.allSections
      ? ('all' as const)
      : db
          .select({ name: sections.name })
          .from(subscriberSections)
          .innerJoin(sections, eq(sections.id, subscriberSections.sectionId))
          .where(eq(subscriberSections.subscriberId, row.id))
          .orderBy(sections.position)
          .all()
          .map((s) => s.name);
    subscription = {
      status: row.status,
      consent: { source: row.consentSource, at: iso(row.consentAt), confirmedAt: iso(row.confirmedAt) },
      sections: chosen,
      pausedUntil: row.pausedUntil && row.pausedUntil > now ? row.pausedUntil.toISOString() : null,
      addressChangePendingTo: row.newEmail,
      subscribedAt: row.createdAt.toISOString(),
      unsubscribedAt: iso(row.unsubscribedAt),
    };
  }

  const since = new Date(now.getTime() - SENT_EMAILS_DAYS * 24 * 60 * 60 * 1000);
  const emails = db
    .select({
      subject: emailOutbox.subject,
      kind: emailOutbox.kind,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(and(inArray(emailOutbox.recipient, spellings), gte(emailOutbox.createdAt, since)))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .all()
    .map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), sentAt: iso(e.sentAt) }));

  const olderEmails =
    db
      .select({ n: count() })
      .from(emailOutbox)
      .where(and(inArray(emailOutbox.recipient, spellings), lt(emailOutbox.createdAt, since)))
      .get()?.n ?? 0;
  return { email: spellings.at(-1) ?? rawEmail, comments: heldComments, subscription, commenter, emails, olderEmails };
}

/** Whether anything at all is held for the address (a my-data link is sent only then). */
export function holdsAnything(db: DbOrTx, rawEmail: string): boolean {
  const spellings = storedSpellings(rawEmail);
  if (spellings.length === 0) return false;
  return Boolean(
    db
      .select({ id: comments.id })
      .from(comments)
      .where(and(inArray(comments.authorEmail, spellings), isNull(comments.erasedAt), eq(comments.isStaff, false)))
      .limit(1)
      .get() ??
    db.select({ id: subscribers.id }).from(subscribers).where(inArray(subscribers.email, spellings)).get() ??
    db.select({ id: emailOutbox.id }).from(emailOutbox).where(inArray(emailOutbox.recipient, spellings)).limit(1).get(),
  );
}

/** The download: one JSON document, described so that a person (or another service) can read it. */
export function holdingsDocument(holdings: Holdings, { site, now = new Date() }: { site: string; now?: Date }) {
  return {
    about: `Everything ${site} holds for ${holdings.email}, as of ${now.toISOString()}.`,
    format: 'the-ledger/my-data/v1',
    email: holdings.email,
    comments: holdings.comments,
    newsletter: holdings.subscription,
    commenter: holdings.commenter,
    emailsSentLast90Days: holdings.emails,
    recordsOfOlderEmails: holdings.olderEmails,
    notes: [
      'Comments list every status: pending (awaiting a moderator), approved (public), reported (hidden after readers reported it), spam and trash (never public).',
      'Your IP address is never stored: only a salted hash of it, kept with each comment and sign-up for rate limits and abuse checks.',
    ],
  };
}

/**
 * The download, for staff (the dashboard or `npm run data -- export`): written to the staff log
 * with the address, which erasure later replaces.
 */
export function exportForStaff(rawEmail: string, { actor, site }: { actor: string; site: string }) {
  const db = getDb();
  const held = collectHoldings(rawEmail, { db });
  logStaffAction(db, { actor, action: 'data-export', detail: held.email });
  return holdingsDocument(held, { site });
}
