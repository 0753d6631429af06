import 'server-only';
import { and, count, desc, eq, gte } from 'drizzle-orm';
import { getDb } from '@/db';
import { emailOutbox } from '@/db/schema';
import { env } from '@/lib/env';
import { isLocalMailbox } from './transport';

/** /dev/mail exists only while mail stays on this machine and the site is a localhost site. */
export const isDevMailboxEnabled = () => isLocalMailbox() && env.isLocalSite;

export function listMailbox({ limit = 100 }: { limit?: number } = {}) {
  return getDb()
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      recipient: emailOutbox.recipient,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.id))
    .limit(limit)
    .all();
}

export function getMailboxEmail({ id }: { id: number }) {
  return getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get() ?? null;
}

/** Counts for the dashboard: what is waiting, what failed. */
export function getOutboxCounts() {
  const rows = getDb().select({ status: emailOutbox.status, n: count() }).from(emailOutbox).groupBy(emailOutbox.status).all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<(typeof rows)[number]['status'], number>>;
}

/** How many emails of `kind` went (or are going) to `recipient` since `since`. */
export function countRecentEmails({ kind, recipient, since }: { kind: string; recipient: string; since: Date }) {
  return (
    getDb()
      .select({ n: count() })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.kind, kind), eq(emailOutbox.recipient, recipient), gte(emailOutbox.createdAt, since)))
      .get()?.n ?? 0
  );
}
