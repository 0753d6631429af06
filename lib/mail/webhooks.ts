import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { emailOutbox, subscribers, webhookEvents } from '@/db/schema';
import { cancelQueuedEmails } from './outbox';
import { recordEmailEvent } from './events';

// What Resend's delivery events change. Bounces (permanent) and complaints suppress the address
// for good; delivery events are recorded on the outbox row. Each Svix message id counts once.

const eventSchema = z.object({
  type: z.string(),
  created_at: z.string().optional(),
  data: z
    .object({
      email_id: z.string().optional(),
      to: z.union([z.array(z.string()), z.string()]).optional(),
      bounce: z.object({ type: z.string().optional() }).partial().optional(),
    })
    .loose(),
});

export type WebhookOutcome = 'handled' | 'duplicate' | 'ignored' | 'invalid';

export function handleResendEvent({
  messageId,
  payload,
  now = new Date(),
}: {
  messageId: string;
  payload: unknown;
  now?: Date;
}): WebhookOutcome {
  const parsed = eventSchema.safeParse(payload);
  if (!parsed.success) return 'invalid';
  const event = parsed.data;
  const recipients = (Array.isArray(event.data.to) ? event.data.to : event.data.to ? [event.data.to] : []).map((r) =>
    r.trim().toLowerCase(),
  );
  return getDb().transaction(
    (tx): WebhookOutcome => {
      const fresh =
        tx.insert(webhookEvents).values({ id: messageId, type: event.type, receivedAt: now }).onConflictDoNothing().run().changes > 0;
      if (!fresh) return 'duplicate';
      const status = event.type.startsWith('email.') ? event.type.slice('email.'.length) : event.type;
      if (event.data.email_id) {
        tx.update(emailOutbox)
          .set({ providerStatus: status, providerStatusAt: now })
          .where(eq(emailOutbox.providerId, event.data.email_id))
          .run();
        recordEmailEvent(tx, eq(emailOutbox.providerId, event.data.email_id), status, { detail: 'reported by the provider', at: now });
      }
      const permanentBounce = event.type === 'email.bounced' && (event.data.bounce?.type ?? 'Permanent').toLowerCase() === 'permanent';
      const complaint = event.type === 'email.complained';
      if ((permanentBounce || complaint) && recipients.length > 0) {
        const affected = tx
          .select({ id: subscribers.id, email: subscribers.email })
          .from(subscribers)
          .where(inArray(sql`lower(${subscribers.email})`, recipients))
          .all();
        for (const s of affected) {
          tx.update(subscribers)
            .set(
              complaint
                ? { status: 'complained', complainedAt: now, updatedAt: now }
                : { status: 'bounced', bouncedAt: now, updatedAt: now },
            )
            .where(and(eq(subscribers.id, s.id), inArray(subscribers.status, ['pending', 'confirmed', 'unsubscribed', 'bounced'])))
            .run();
          cancelQueuedEmails(tx, `subscriber:${s.id}`);
        }
      }
      return 'handled';
    },
    { behavior: 'immediate' },
  );
}
