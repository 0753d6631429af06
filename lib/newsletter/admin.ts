import 'server-only';
import { and, count, desc, eq, lt } from 'drizzle-orm';
import { getDb } from '@/db';
import { contains } from '@/db/contains';
import { subscribers, SUBSCRIBER_STATUSES, type SubscriberStatus } from '@/db/schema';
import { logStaffAction } from '@/lib/staff/log';
import { cancelQueuedEmails } from '@/lib/mail';
import { resendConfirmationLink, subscriberRef } from './subscriptions';

// Staff-only subscriber management. Callers check requireStaff() first.

export const SUBSCRIBERS_PAGE_SIZE = 50;

function filters({ status, q }: { status?: SubscriberStatus; q?: string }) {
  return and(status ? eq(subscribers.status, status) : undefined, contains(subscribers.email, q));
}

export function listSubscribers({ status, q, page = 1 }: { status?: SubscriberStatus; q?: string; page?: number }) {
  const db = getDb();
  const where = filters({ status, q });
  const total = db.select({ n: count() }).from(subscribers).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: subscribers.id,
      email: subscribers.email,
      status: subscribers.status,
      consentSource: subscribers.consentSource,
      createdAt: subscribers.createdAt,
      confirmedAt: subscribers.confirmedAt,
      unsubscribedAt: subscribers.unsubscribedAt,
      pausedUntil: subscribers.pausedUntil,
      allSections: subscribers.allSections,
    })
    .from(subscribers)
    .where(where)
    .orderBy(desc(subscribers.createdAt), desc(subscribers.id))
    .limit(SUBSCRIBERS_PAGE_SIZE)
    .offset((page - 1) * SUBSCRIBERS_PAGE_SIZE)
    .all();
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / SUBSCRIBERS_PAGE_SIZE)) };
}

export function countSubscribersByStatus(): Record<SubscriberStatus, number> {
  const out = Object.fromEntries(SUBSCRIBER_STATUSES.map((s) => [s, 0])) as Record<SubscriberStatus, number>;
  for (const r of getDb().select({ status: subscribers.status, n: count() }).from(subscribers).groupBy(subscribers.status).all())
    out[r.status] = r.n;
  return out;
}

/** Rows for the CSV export, read in pages so a large list never sits in memory at once. */
export function* iterateSubscribersForExport({ status, q }: { status?: SubscriberStatus; q?: string }, pageSize = 1000) {
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = getDb()
      .select({
        id: subscribers.id,
        email: subscribers.email,
        status: subscribers.status,
        consentSource: subscribers.consentSource,
        consentAt: subscribers.consentAt,
        createdAt: subscribers.createdAt,
        confirmedAt: subscribers.confirmedAt,
        unsubscribedAt: subscribers.unsubscribedAt,
      })
      .from(subscribers)
      .where(and(filters({ status, q }), lt(subscribers.id, before)))
      .orderBy(desc(subscribers.id))
      .limit(pageSize)
      .all();
    if (rows.length === 0) return;
    yield rows;
    before = rows.at(-1)!.id;
  }
}

/**
 * Erases a subscriber: the row, its tokens, and any email still queued for them. The log keeps
 * who did it and the row's number, not the address: erasing it is the point.
 */
export function deleteSubscriber(id: number, actor: string): boolean {
  return getDb().transaction(
    (tx) => {
      cancelQueuedEmails(tx, subscriberRef(id));
      const deleted = tx.delete(subscribers).where(eq(subscribers.id, id)).run().changes > 0;
      if (deleted) logStaffAction(tx, { actor, action: 'subscriber-delete', detail: `subscriber #${id}` });
      return deleted;
    },
    { behavior: 'immediate' },
  );
}

/**
 * Sends a pending subscriber a fresh confirmation link (lib/newsletter/subscriptions.ts
 * resendConfirmationLink: the per-address limit still protects the recipient; the per-IP one, for
 * anonymous visitors, does not apply; the person's own consent record is kept), and logs who did.
 */
export async function resendConfirmation(id: number, actor: string) {
  const outcome = await resendConfirmationLink(id);
  if (outcome.ok) {
    logStaffAction(getDb(), { actor, action: 'subscriber-resend', detail: `subscriber #${id}` });
    return { ok: true as const };
  }
  return {
    ok: false as const,
    message:
      outcome.reason === 'address-limit'
        ? 'This address has had three confirmation emails in the last day. Try again tomorrow.'
        : 'Only pending subscribers can be sent a new confirmation link.',
  };
}

function csvField(value: unknown): string {
  const s = value instanceof Date ? value.toISOString() : value == null ? '' : String(value);
  // Quote every field; neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The (filtered) subscriber list as a CSV stream, read a page of rows at a time. */
export function subscribersCsvStream(filter: { status?: SubscriberStatus; q?: string }): ReadableStream<Uint8Array> {
  const pages = iterateSubscribersForExport(filter);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('email,status,consent_source,consent_at,created_at,confirmed_at,unsubscribed_at\r\n'));
    },
    pull(controller) {
      const next = pages.next();
      if (next.done) return controller.close();
      const lines = next.value.map((r) =>
        [r.email, r.status, r.consentSource, r.consentAt, r.createdAt, r.confirmedAt, r.unsubscribedAt].map(csvField).join(','),
      );
      controller.enqueue(encoder.encode(`${lines.join('\r\n')}\r\n`));
    },
  });
}
