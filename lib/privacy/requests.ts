import 'server-only';
import { cookies } from 'next/headers';
import { createElement } from 'react';
import { and, eq, gt, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { dataRequests } from '@/db/schema';
import MyDataLink, { myDataLinkSubject } from '@/emails/my-data-link';
import { brand, enqueueEmail, renderEmail } from '@/lib/mail';
import { normaliseEmail } from '@/lib/newsletter/email';
import { hashToken, isWellFormedToken, newToken } from '@/lib/newsletter/tokens';
import type { ClientKeys } from '@/lib/security/client';
import { addressLimitKey, clientLimits, takeRateLimit, takeRateLimits } from '@/lib/security/rate-limit';
import { absoluteUrl } from '@/lib/site/urls';
import { holdsAnything } from './holdings';

// "My data" without an account: the reader proves the address by opening a link we email to it.
// The link (single use, one hour) opens a page whose button starts a session in that browser
// (one hour); mail scanners that open links press no buttons, so they use nothing up.

export const LINK_TTL_MS = 60 * 60 * 1000;
export const SESSION_TTL_MS = 60 * 60 * 1000;
export const IP_LIMIT = { limit: 10, windowMs: 60 * 60 * 1000 };
export const ADDRESS_LIMIT = { limit: 3, windowMs: 24 * 60 * 60 * 1000 };
/** The cookie that holds the session, sent only to /my-data pages. */
export const SESSION_COOKIE = 'ledger_my_data';

export const myDataOpenUrl = (token: string) => absoluteUrl(`/my-data/open?token=${encodeURIComponent(token)}`);

export type LinkRequestOutcome =
  { ok: true } | { ok: false; reason: 'invalid'; message: string } | { ok: false; reason: 'ip-limit' | 'address-limit' };

/**
 * Emails a link to the address if anything is held for it. The answer is the same either way (and
 * the email is rendered either way, so it takes as long): only the owner of the mailbox learns
 * whether we hold anything.
 */
export async function requestDataLink({
  rawEmail,
  client,
  now = new Date(),
}: {
  rawEmail: string;
  client: ClientKeys;
  now?: Date;
}): Promise<LinkRequestOutcome> {
  const normalised = normaliseEmail(rawEmail);
  if (!normalised.ok) return { ok: false, reason: 'invalid', message: normalised.message };
  const email = normalised.email;
  const token = newToken();
  const rendered = await renderEmail(
    myDataLinkSubject({ brand: brand() }),
    createElement(MyDataLink, { brand: brand(), url: myDataOpenUrl(token) }),
  );
  return getDb().transaction(
    (tx): LinkRequestOutcome => {
      if (!takeRateLimits(tx, clientLimits(client, { bucket: 'my-data-ip', ...IP_LIMIT }), now.getTime()))
        return { ok: false, reason: 'ip-limit' };
      // Counted whether or not anything is held, so the limit's answer says nothing either.
      if (!takeRateLimit(tx, { bucket: 'my-data-address', key: addressLimitKey(email), ...ADDRESS_LIMIT, now: now.getTime() }))
        return { ok: false, reason: 'address-limit' };
      if (!holdsAnything(tx, rawEmail)) return { ok: true };
      tx.insert(dataRequests)
        .values({ email, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + LINK_TTL_MS), createdAt: now })
        .run();
      enqueueEmail(tx, { kind: 'my_data_link', to: email, ...rendered });
      return { ok: true };
    },
    { behavior: 'immediate' },
  );
}

export type LinkState = 'valid' | 'used' | 'expired' | 'invalid';

/** Read-only look at a link, for the page it opens (which must change nothing). */
export function inspectDataLink(token: unknown, now = new Date()): LinkState {
  if (!isWellFormedToken(token)) return 'invalid';
  const row = getDb()
    .select({ expiresAt: dataRequests.expiresAt, openedAt: dataRequests.openedAt })
    .from(dataRequests)
    .where(eq(dataRequests.tokenHash, hashToken(token)))
    .get();
  if (!row) return 'invalid';
  if (row.openedAt) return 'used';
  return row.expiresAt > now ? 'valid' : 'expired';
}

/**
 * Uses the link (once): returns a session token for the browser that pressed the button, or why
 * not. Only its hash is stored.
 */
export function openDataLink(
  token: unknown,
  now = new Date(),
): { ok: true; session: string } | { ok: false; state: Exclude<LinkState, 'valid'> } {
  if (!isWellFormedToken(token)) return { ok: false, state: 'invalid' };
  const session = newToken();
  return getDb().transaction(
    (tx) => {
      const opened = tx
        .update(dataRequests)
        .set({ openedAt: now, sessionHash: hashToken(session), sessionExpiresAt: new Date(now.getTime() + SESSION_TTL_MS) })
        .where(and(eq(dataRequests.tokenHash, hashToken(token)), isNull(dataRequests.openedAt), gt(dataRequests.expiresAt, now)))
        .returning({ id: dataRequests.id })
        .get();
      if (opened) return { ok: true as const, session };
      const state = inspectDataLink(token, now);
      return { ok: false as const, state: state === 'valid' ? 'invalid' : state };
    },
    { behavior: 'immediate' },
  );
}

/** The address a session may see, or null (unknown, ended or expired). */
export function sessionEmail(session: string | undefined | null, now = new Date()): string | null {
  if (!isWellFormedToken(session)) return null;
  const row = getDb()
    .select({ email: dataRequests.email, expiresAt: dataRequests.sessionExpiresAt })
    .from(dataRequests)
    .where(eq(dataRequests.sessionHash, hashToken(session)))
    .get();
  return row && row.expiresAt && row.expiresAt > now ? row.email : null;
}

/** The address the current request's My data session may see (its cookie), or null. */
export async function requestSessionEmail(): Promise<string | null> {
  return sessionEmail((await cookies()).get(SESSION_COOKIE)?.value);
}

export function endSession(session: string | undefined | null): void {
  if (!isWellFormedToken(session)) return;
  getDb()
    .delete(dataRequests)
    .where(eq(dataRequests.sessionHash, hashToken(session)))
    .run();
}

/** Deletes links and sessions that can no longer be used (the sweep). */
export function pruneDataRequests(db: DbOrTx, now = new Date()): number {
  return db
    .delete(dataRequests)
    .where(
      or(
        and(isNull(dataRequests.openedAt), lt(dataRequests.expiresAt, now)),
        and(isNotNull(dataRequests.openedAt), lt(dataRequests.sessionExpiresAt, now)),
      ),
    )
    .run().changes;
}
