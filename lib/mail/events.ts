import 'server-only';
import { asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { emailEvents, emailOutbox } from '@/db/schema';

// An outbox email's history beyond its own columns (see emailEvents in db/schema.ts).

/** Records `event` for the given emails, or for every email `where` selects. */
export function recordEmailEvent(
  tx: DbOrTx,
  emails: number[] | SQL,
  event: string,
  { detail, at = new Date() }: { detail?: string; at?: Date } = {},
) {
  const ids = Array.isArray(emails)
    ? emails
    : tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(emails)
        .all()
        .map((r) => r.id);
  if (ids.length === 0) return;
  tx.insert(emailEvents)
    .values(ids.map((outboxId) => ({ outboxId, event, detail: detail?.slice(0, 500) ?? null, at })))
    .run();
}

export interface HistoryStep {
  at: Date;
  what: string;
  detail: string | null;
}

/** Each email's history, oldest first: queued, what went wrong, sent, what the provider said. */
export function emailHistories(
  tx: DbOrTx,
  emails: { id: number; createdAt: Date; sentAt: Date | null; transport: string | null; bodyRemovedAt: Date | null }[],
): Map<number, HistoryStep[]> {
  const events = emails.length
    ? tx
        .select()
        .from(emailEvents)
        .where(
          inArray(
            emailEvents.outboxId,
            emails.map((e) => e.id),
          ),
        )
        .orderBy(asc(emailEvents.at), asc(emailEvents.id))
        .all()
    : [];
  const out = new Map<number, HistoryStep[]>();
  for (const e of emails) {
    const steps: HistoryStep[] = [{ at: e.createdAt, what: 'queued', detail: null }];
    if (e.sentAt) steps.push({ at: e.sentAt, what: 'sent', detail: e.transport ? `through ${e.transport}` : null });
    if (e.bodyRemovedAt) steps.push({ at: e.bodyRemovedAt, what: 'body removed', detail: 'links and text no longer kept' });
    out.set(e.id, steps);
  }
  for (const ev of events) out.get(ev.outboxId)?.push({ at: ev.at, what: ev.event, detail: ev.detail });
  for (const steps of out.values()) steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  return out;
}

export const eventsOf = (tx: DbOrTx, outboxId: number) => tx.select().from(emailEvents).where(eq(emailEvents.outboxId, outboxId)).all();
