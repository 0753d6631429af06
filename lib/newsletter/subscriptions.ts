import 'server-only';
import { createElement } from 'react';
import { and, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { subscribers } from '@/db/schema';
import AlreadySubscribed, { alreadySubscribedSubject } from '@/emails/already-subscribed';
import ConfirmSubscription, { confirmSubscriptionSubject } from '@/emails/confirm-subscription';
import Welcome, { welcomeSubject } from '@/emails/welcome';
import { listLatestHeadlines } from '@/lib/articles/queries';
import { brand, cancelQueuedEmails, enqueueEmail, renderEmail } from '@/lib/mail';
import { liftSuppression } from '@/lib/privacy/suppression';
import type { ClientKeys } from '@/lib/security/client';
import { absoluteUrl, articlePath } from '@/lib/site/urls';
import { addressLimitKey, clientLimits, takeRateLimit, takeRateLimits } from '@/lib/security/rate-limit';
import { normaliseEmail } from './email';
import { confirmUrl, managePageUrl, newsletterHeaders, unsubscribePageUrl } from './links';
import { CONFIRM_TOKEN_TTL_MS, hashToken, isWellFormedToken, newToken } from './tokens';

// The newsletter's rules: double opt-in sign-up, confirmation, unsubscribe. Actions (actions.ts)
// and route handlers call these; they hold no request state of their own.

export const IP_LIMIT = { limit: 10, windowMs: 60 * 60 * 1000 };
export const ADDRESS_LIMIT = { limit: 3, windowMs: 24 * 60 * 60 * 1000 };

export const subscriberRef = (id: number) => `subscriber:${id}`;

export type SubscribeOutcome =
  { ok: true } | { ok: false; reason: 'invalid'; message: string } | { ok: false; reason: 'ip-limit' | 'address-limit' };

const renderConfirmation = (token: string) =>
  renderEmail(
    confirmSubscriptionSubject({ brand: brand() }),
    createElement(ConfirmSubscription, { brand: brand(), confirmUrl: confirmUrl(token) }),
  );

/**
 * Takes one of the address's three confirmation emails of the day (the limit that protects its
 * owner). Taken on every request, whatever state the address is in, and counted per mailbox
 * (case and `+tag` aside), so the answers tell nobody whether an address is subscribed, bounced
 * or unknown.
 */
export function takeAddressLimit(tx: DbOrTx, email: string, now: Date): boolean {
  return takeRateLimit(tx, { bucket: 'newsletter-address', key: addressLimitKey(email), ...ADDRESS_LIMIT, now: now.getTime() });
}

/** The columns that make `token` the subscriber's one live confirmation token. */
const freshConfirmToken = (token: string, now: Date) => ({
  confirmTokenHash: hashToken(token),
  confirmTokenExpiresAt: new Date(now.getTime() + CONFIRM_TOKEN_TTL_MS),
  confirmTokenUsedAt: null,
  updatedAt: now,
});

/**
 * Starts (or restarts) a double opt-in. Whatever state the address is in, the caller gets the
 * same answer; only the email differs (a confirmation link, or "you are already subscribed").
 */
export async function requestSubscription({
  rawEmail,
  source,
  client,
  now = new Date(),
}: {
  rawEmail: string;
  source: string | null;
  client: ClientKeys;
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
    renderConfirmation(token),
    renderEmail(
      alreadySubscribedSubject({ brand: brand() }),
      createElement(AlreadySubscribed, {
        brand: brand(),
        unsubscribeUrl: unsubscribePageUrl(unsubscribeToken),
        manageUrl: managePageUrl(unsubscribeToken),
      }),
    ),
  ]);

  return db.transaction(
    (tx): SubscribeOutcome => {
      if (!takeRateLimits(tx, clientLimits(client, { bucket: 'newsletter-ip', ...IP_LIMIT }), now.getTime())) {
        return { ok: false, reason: 'ip-limit' };
      }
      if (!takeAddressLimit(tx, email, now)) return { ok: false, reason: 'address-limit' };

      const row = tx.select().from(subscribers).where(eq(subscribers.email, email)).get();
      const confirmationFields = {
        ...freshConfirmToken(token, now),
        status: 'pending' as const,
        consentSource: source,
        consentAt: now,
        ipHash: client.ipHash,
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

/**
 * A new confirmation link for a pending subscriber, sent by a moderator. Only the per-address limit
 * applies (the per-IP one is for anonymous visitors), and the record of the person's own consent
 * (when, from where, their IP hash) is kept as it was.
 */
export async function resendConfirmationLink(
  id: number,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; reason: 'not-pending' | 'address-limit' }> {
  const token = newToken();
  const confirmation = await renderConfirmation(token);
  return getDb().transaction(
    (tx) => {
      const row = tx.select({ email: subscribers.email, status: subscribers.status }).from(subscribers).where(eq(subscribers.id, id)).get();
      if (!row || row.status !== 'pending') return { ok: false as const, reason: 'not-pending' as const };
      if (!takeAddressLimit(tx, row.email, now)) return { ok: false as const, reason: 'address-limit' as const };
      tx.update(subscribers).set(freshConfirmToken(token, now)).where(eq(subscribers.id, id)).run();
      enqueueEmail(tx, { kind: 'newsletter_confirm', to: row.email, ...confirmation, ref: subscriberRef(id) });
      return { ok: true as const };
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
    createElement(Welcome, {
      brand: brand(),
      unsubscribeUrl: unsubscribePageUrl(pre.unsubscribeToken),
      manageUrl: managePageUrl(pre.unsubscribeToken),
      latest: listLatestHeadlines({ limit: 3 }).map((a) => ({ title: a.title, url: absoluteUrl(articlePath(a.slug)) })),
    }),
  );
  return db.transaction(
    (tx) => {
      const state = inspectConfirmToken(token, now);
      if (state !== 'valid') return state;
      const row = tx
        .update(subscribers)
        // A pause belonged to the subscription that ended; a new one starts at once.
        .set({ status: 'confirmed', confirmedAt: now, confirmTokenUsedAt: now, pausedUntil: null, updatedAt: now })
        .where(and(eq(subscribers.confirmTokenHash, hash), eq(subscribers.status, 'pending')))
        .returning({ id: subscribers.id, email: subscribers.email, unsubscribeToken: subscribers.unsubscribeToken })
        .get();
      if (!row) return 'invalid';
      // Consent given by the address itself: an earlier erasure no longer keeps it off the list.
      liftSuppression(tx, row.email);
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

/** An unsubscribe (and manage) token as it may appear in a URL. */
export const isWellFormedUnsubscribeToken = (token: unknown): token is string =>
  typeof token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(token);

export function findSubscriberByUnsubscribeToken(token: unknown) {
  if (!isWellFormedUnsubscribeToken(token)) return null;
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
        // A change of address waiting for its confirmation ends with the subscription.
        .set({
          status: 'unsubscribed',
          unsubscribedAt: now,
          updatedAt: now,
          confirmTokenHash: null,
          newEmail: null,
          newEmailTokenHash: null,
          newEmailExpiresAt: null,
        })
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
export async function resubscribeByToken(token: unknown, client: ClientKeys): Promise<'resubscribed' | 'limited' | 'invalid'> {
  const subscriber = findSubscriberByUnsubscribeToken(token);
  if (!subscriber) return 'invalid';
  const outcome = await requestSubscription({ rawEmail: subscriber.email, source: '/newsletter/unsubscribe', client });
  return outcome.ok ? 'resubscribed' : 'limited';
}
