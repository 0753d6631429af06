import 'server-only';
import { createElement } from 'react';
import { and, count, eq, gte, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { emailOutbox, subscribers } from '@/db/schema';
import AlreadySubscribed, { alreadySubscribedSubject } from '@/emails/already-subscribed';
import ConfirmSubscription, { confirmSubscriptionSubject } from '@/emails/confirm-subscription';
import Welcome, { welcomeSubject } from '@/emails/welcome';
import { brand, cancelQueuedEmails, enqueueEmail, renderEmail } from '@/lib/mail';
import { takeRateLimit } from '@/lib/security/rate-limit';
import { normaliseEmail } from './email';
import { confirmUrl, newsletterHeaders, unsubscribePageUrl } from './links';
import { CONFIRM_TOKEN_TTL_MS, hashToken, isWellFormedToken, newToken } from './tokens';

// The newsletter's rules: double opt-in sign-up, confirmation, unsubscribe. Actions (actions.ts)
// and route handlers call these; they hold no request state of their own.

export const IP_LIMIT = { limit: 10, windowMs: 60 * 60 * 1000 };
export const ADDRESS_LIMIT = { limit: 3, windowMs: 24 * 60 * 60 * 1000 };
const CONFIRMATION_KINDS = ['newsletter_confirm', 'newsletter_already_subscribed'];

export const subscriberRef = (id: number) => `subscriber:${id}`;

export type SubscribeOutcome =
  { ok: true } | { ok: false; reason: 'invalid'; message: string } | { ok: false; reason: 'ip-limit' | 'address-limit' };

/**
 * Starts (or restarts) a double opt-in. Whatever state the address is in, the caller gets the
 * same answer; only the email differs (a confirmation link, or "you are already subscribed").
 */
export async function requestSubscription({
  rawEmail,
  source,
  ipHash,
  limitIp = true,
  now = new Date(),
}: {
  rawEmail: string;
  source: string | null;
  ipHash: string;
  /** False for a signed-in moderator's resend: the per-IP limit is for anonymous visitors. */
  limitIp?: boolean;
  now?: Date;
}): Promise<SubscribeOutcome> {
  const normalised = normaliseEmail(rawEmail);
  if (!normalised.ok) return { ok: false, reason: 'invalid', message: normalised.message };
  const email = normalised.email;
  const db = getDb();

  const known = db.select({ unsubscribeToken: subscribers.unsubscribeToken }).from(subscribers).where(eq(subscribers.email, email)).get();
  const token = newToken();
  const unsubscribeToken = known?.unsubscribeToken ?? newToken();
  // Both emails are rendered every time, so the answer takes as long whichever one is sent.
  const [confirmation, already] = await Promise.all([
    renderEmail(
      confirmSubscriptionSubject({ brand: brand() }),
      createElement(ConfirmSubscription, { brand: brand(), confirmUrl: confirmUrl(token) }),
    ),
    renderEmail(
      alreadySubscribedSubject({ brand: brand() }),
      createElement(AlreadySubscribed, { brand: brand(), unsubscribeUrl: unsubscribePageUrl(unsubscribeToken) }),
    ),
  ]);

  return db.transaction(
    (tx): SubscribeOutcome => {
      if (limitIp && !takeRateLimit(tx, { bucket: 'newsletter-ip', key: ipHash, ...IP_LIMIT, now: now.getTime() })) {
        return { ok: false, reason: 'ip-limit' };
      }
      const recent =
        tx
          .select({ n: count() })
          .from(emailOutbox)
          .where(
            and(
              eq(emailOutbox.recipient, email),
              inArray(emailOutbox.kind, CONFIRMATION_KINDS),
              gte(emailOutbox.createdAt, new Date(now.getTime() - ADDRESS_LIMIT.windowMs)),
            ),
          )
          .get()?.n ?? 0;
      if (recent >= ADDRESS_LIMIT.limit) return { ok: false, reason: 'address-limit' };

      const row = tx.select().from(subscribers).where(eq(subscribers.email, email)).get();
      const confirmationFields = {
        status: 'pending' as const,
        confirmTokenHash: hashToken(token),
        confirmTokenExpiresAt: new Date(now.getTime() + CONFIRM_TOKEN_TTL_MS),
        confirmTokenUsedAt: null,
        consentSource: source,
        consentAt: now,
        ipHash,
        updatedAt: now,
      };
      if (!row) {
        const created = tx
          .insert(subscribers)
          .values({ email, unsubscribeToken, createdAt: now, ...confirmationFields })
          .returning({ id: subscribers.id })
          .get();
        enqueueEmail(tx, { kind: 'newsletter_confirm', to: email, ...confirmation, ref: subscriberRef(created.id) });
      } else if (row.status === 'confirmed') {
        enqueueEmail(tx, { kind: 'newsletter_already_subscribed', to: email, ...already, ref: subscriberRef(row.id) });
      } else if (row.status === 'pending' || row.status === 'unsubscribed') {
        // A new request replaces the old token.
        tx.update(subscribers).set(confirmationFields).where(eq(subscribers.id, row.id)).run();
        enqueueEmail(tx, { kind: 'newsletter_confirm', to: email, ...confirmation, ref: subscriberRef(row.id) });
      }
      // Bounced and complained addresses are never sent to again; the answer stays the same.
      return { ok: true };
    },
    { behavior: 'immediate' },
  );
}

export type TokenLookup = 'valid' | 'already-confirmed' | 'expired' | 'invalid';

/** Read-only check of a confirmation token, for the page a link opens (which must change nothing). */
export function inspectConfirmToken(token: unknown, now = new Date()): TokenLookup {
  if (!isWellFormedToken(token)) return 'invalid';
  const row = getDb()
    .select({ status: subscribers.status, expiresAt: subscribers.confirmTokenExpiresAt, usedAt: subscribers.confirmTokenUsedAt })
    .from(subscribers)
    .where(eq(subscribers.confirmTokenHash, hashToken(token)))
    .get();
  if (!row) return 'invalid';
  if (row.usedAt) return row.status === 'confirmed' ? 'already-confirmed' : 'invalid';
  if (!row.expiresAt || row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return row.status === 'pending' ? 'valid' : 'invalid';
}

/** Confirms a pending subscription (single use) and enqueues the welcome email. */
export async function confirmSubscription(token: unknown, now = new Date()): Promise<TokenLookup | 'confirmed'> {
  if (!isWellFormedToken(token)) return 'invalid';
  const hash = hashToken(token);
  const db = getDb();
  const pre = db
    .select({ unsubscribeToken: subscribers.unsubscribeToken })
    .from(subscribers)
    .where(eq(subscribers.confirmTokenHash, hash))
    .get();
  if (!pre) return 'invalid';
  const welcome = await renderEmail(
    welcomeSubject({ brand: brand() }),
    createElement(Welcome, { brand: brand(), unsubscribeUrl: unsubscribePageUrl(pre.unsubscribeToken) }),
  );
  return db.transaction(
    (tx) => {
      const state = inspectConfirmToken(token, now);
      if (state !== 'valid') return state;
      const row = tx
        .update(subscribers)
        .set({ status: 'confirmed', confirmedAt: now, confirmTokenUsedAt: now, updatedAt: now })
        .where(and(eq(subscribers.confirmTokenHash, hash), eq(subscribers.status, 'pending')))
        .returning({ id: subscribers.id, email: subscribers.email, unsubscribeToken: subscribers.unsubscribeToken })
        .get();
      if (!row) return 'invalid';
      enqueueEmail(tx, {
        kind: 'newsletter_welcome',
        to: row.email,
        ...welcome,
        headers: newsletterHeaders(row.unsubscribeToken),
        ref: subscriberRef(row.id),
      });
      return 'confirmed';
    },
    { behavior: 'immediate' },
  );
}

export function findSubscriberByUnsubscribeToken(token: unknown) {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return (
    getDb()
      .select({ id: subscribers.id, email: subscribers.email, status: subscribers.status })
      .from(subscribers)
      .where(eq(subscribers.unsubscribeToken, token))
      .get() ?? null
  );
}

/** Unsubscribes by the per-subscriber token (RFC 8058 one-click or the page's button). */
export function unsubscribe(token: unknown, now = new Date()): 'unsubscribed' | 'already' | 'invalid' {
  const found = findSubscriberByUnsubscribeToken(token);
  if (!found) return 'invalid';
  return getDb().transaction(
    (tx) => {
      const row = tx.select({ status: subscribers.status }).from(subscribers).where(eq(subscribers.id, found.id)).get();
      if (!row) return 'invalid';
      if (row.status !== 'confirmed' && row.status !== 'pending') return 'already';
      tx.update(subscribers)
        .set({ status: 'unsubscribed', unsubscribedAt: now, updatedAt: now, confirmTokenHash: null })
        .where(eq(subscribers.id, found.id))
        .run();
      // Nothing more goes out to them, not even what was already queued.
      cancelQueuedEmails(tx, subscriberRef(found.id));
      return 'unsubscribed';
    },
    { behavior: 'immediate' },
  );
}

/** "Resubscribe" from the unsubscribe page: the same double opt-in as a new sign-up. */
export async function resubscribeByToken(token: unknown, ipHash: string): Promise<'resubscribed' | 'limited' | 'invalid'> {
  const subscriber = findSubscriberByUnsubscribeToken(token);
  if (!subscriber) return 'invalid';
  const outcome = await requestSubscription({ rawEmail: subscriber.email, source: '/newsletter/unsubscribe', ipHash });
  return outcome.ok ? 'resubscribed' : 'limited';
}
