import 'server-only';
import { cookies } from 'next/headers';
import { createElement } from 'react';
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { commenterCredentials, commenters, comments, type CommenterTrust } from '@/db/schema';
import ConfirmCommenter, { confirmCommenterSubject } from '@/emails/confirm-commenter';
import { env } from '@/lib/env';
import { brand, enqueueEmail, renderEmail } from '@/lib/mail';
import { hashToken, isWellFormedToken, newToken } from '@/lib/newsletter/tokens';
import { logStaffAction } from '@/lib/staff/log';
import { commenterLinks, confirmCommenterUrl } from './commenter-links';

// Commenters who prove their address, to hear of replies and to be trusted. Proof is per
// browser: the emailed link's button gives the browser that pressed it a credential (a random
// token in an httpOnly cookie, stored here as a hash). Only a browser holding one is treated as
// the address's owner: knowing someone's address is never enough.

export const CREDENTIAL_COOKIE = 'ledger_commenter';
/** How long a browser keeps its credential (it can be revoked any time before). */
export const CREDENTIAL_MAX_AGE_S = 365 * 24 * 60 * 60;
export const CONFIRM_TTL_MS = 48 * 60 * 60 * 1000;
/** At most one confirmation email per address in this time. */
export const CONFIRM_EVERY_MS = 24 * 60 * 60 * 1000;
/** A spam or trashed comment this recent keeps an address out of automatic trust. */
export const TRUST_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;

export const commenterRef = (id: number) => `commenter:${id}`;
/** Who published a comment that trust let through, in `moderated_by` and the console. */
export const TRUST_ACTOR = 'trust';

/**
 * Sends the address a link to prove it from a browser, unless one went in the last day. The
 * caller answers the same whatever happened here.
 */
export async function requestCommenterConfirmation({
  email,
  name,
  now = new Date(),
}: {
  email: string;
  /** The name on the comment that asked, shown back to the browser that confirms (until it comments). */
  name?: string;
  now?: Date;
}): Promise<'sent' | 'recently-sent'> {
  const address = email.trim().toLowerCase();
  const token = newToken();
  const existing = getDb().select({ id: commenters.id }).from(commenters).where(eq(commenters.email, address)).get();
  const rendered = await renderEmail(
    confirmCommenterSubject({ brand: brand() }),
    createElement(ConfirmCommenter, {
      brand: brand(),
      confirmUrl: confirmCommenterUrl(token),
      links: existing ? commenterLinks(existing.id) : null,
    }),
  );
  return getDb().transaction(
    (tx) => {
      const row =
        tx.select().from(commenters).where(eq(commenters.email, address)).get() ??
        tx
          .insert(commenters)
          .values({ email: address, name: name ?? null, createdAt: now })
          .returning()
          .get();
      if (row.confirmSentAt && now.getTime() - row.confirmSentAt.getTime() < CONFIRM_EVERY_MS) return 'recently-sent' as const;
      tx.update(commenters)
        .set({ confirmTokenHash: hashToken(token), confirmExpiresAt: new Date(now.getTime() + CONFIRM_TTL_MS), confirmSentAt: now })
        .where(eq(commenters.id, row.id))
        .run();
      enqueueEmail(tx, { kind: 'commenter_confirm', to: address, ...rendered, ref: commenterRef(row.id) });
      return 'sent' as const;
    },
    { behavior: 'immediate' },
  );
}

export type ConfirmLinkState = 'valid' | 'used' | 'expired' | 'invalid';

/** Read-only check of a confirmation link, for the page it opens (which must change nothing). */
export function inspectCommenterToken(token: unknown, now = new Date()): ConfirmLinkState {
  if (!isWellFormedToken(token)) return 'invalid';
  const row = getDb()
    .select({ expiresAt: commenters.confirmExpiresAt })
    .from(commenters)
    .where(eq(commenters.confirmTokenHash, hashToken(token)))
    .get();
  if (!row) return 'invalid';
  return row.expiresAt && row.expiresAt > now ? 'valid' : 'expired';
}

/**
 * The button on the confirmation page: proves the address for this browser, once. Returns the
 * credential for the browser to keep; only its hash is stored.
 */
export function confirmCommenter(
  token: unknown,
  now = new Date(),
): { ok: true; credential: string; email: string } | { ok: false; state: Exclude<ConfirmLinkState, 'valid'> } {
  if (!isWellFormedToken(token)) return { ok: false, state: 'invalid' };
  const credential = newToken();
  return getDb().transaction(
    (tx) => {
      const row = tx
        .select()
        .from(commenters)
        .where(eq(commenters.confirmTokenHash, hashToken(token)))
        .get();
      if (!row) return { ok: false as const, state: 'invalid' as const };
      if (!row.confirmExpiresAt || row.confirmExpiresAt <= now) return { ok: false as const, state: 'expired' as const };
      tx.update(commenters)
        .set({ provenAt: row.provenAt ?? now, confirmTokenHash: null, confirmExpiresAt: null })
        .where(eq(commenters.id, row.id))
        .run();
      tx.insert(commenterCredentials)
        .values({ commenterId: row.id, tokenHash: hashToken(credential), createdAt: now })
        .run();
      return { ok: true as const, credential, email: row.email };
    },
    { behavior: 'immediate' },
  );
}

export interface CredentialOwner {
  commenterId: number;
  credentialId: number;
  email: string;
  name: string | null;
}

/** Whose address a browser's credential proves, or null (unknown, revoked, or not well formed). */
export function credentialOwner(credential: string | undefined | null): CredentialOwner | null {
  if (!isWellFormedToken(credential)) return null;
  return (
    getDb()
      .select({ commenterId: commenters.id, credentialId: commenterCredentials.id, email: commenters.email, name: commenters.name })
      .from(commenterCredentials)
      .innerJoin(commenters, eq(commenters.id, commenterCredentials.commenterId))
      .where(and(eq(commenterCredentials.tokenHash, hashToken(credential)), isNull(commenterCredentials.revokedAt)))
      .get() ?? null
  );
}

/** Whose address the current request's browser proved, by its credential cookie, or null. */
export async function requestCredentialOwner(): Promise<CredentialOwner | null> {
  return credentialOwner((await cookies()).get(CREDENTIAL_COOKIE)?.value);
}

/** "Not you?": this browser's credential stops working. */
export function forgetCredential(credential: string | undefined | null, now = new Date()): void {
  if (!isWellFormedToken(credential)) return;
  getDb()
    .update(commenterCredentials)
    .set({ revokedAt: now })
    .where(and(eq(commenterCredentials.tokenHash, hashToken(credential)), isNull(commenterCredentials.revokedAt)))
    .run();
}

/** Every browser's credential for the address stops working ("Forget this browser" in an email, spam). */
export function revokeCredentials(tx: DbOrTx, commenterId: number, now = new Date()): number {
  return tx
    .update(commenterCredentials)
    .set({ revokedAt: now })
    .where(and(eq(commenterCredentials.commenterId, commenterId), isNull(commenterCredentials.revokedAt)))
    .run().changes;
}

/**
 * A post from a browser holding the credential: remembers the name it used (for "Commenting as …")
 * and when the credential was last used.
 */
export function noteCommenterUse(
  tx: DbOrTx,
  owner: CredentialOwner,
  { name, wantsReplies }: { name: string; wantsReplies: boolean },
  now = new Date(),
): void {
  tx.update(commenterCredentials).set({ lastUsedAt: now }).where(eq(commenterCredentials.id, owner.credentialId)).run();
  // Ticking the box again, from the owner's browser, undoes an earlier "stop every reply email".
  tx.update(commenters)
    .set(wantsReplies ? { name, repliesOff: false } : { name })
    .where(eq(commenters.id, owner.commenterId))
    .run();
}

export interface TrustStanding {
  proven: boolean;
  trust: CommenterTrust;
  approved: number;
  /** Spam or trashed comments in the last 90 days. */
  recentStrikes: number;
  trusted: boolean;
}

/**
 * Whether the address publishes at once (from a browser holding its credential): proven, not
 * marked Always moderate, and either marked Trusted or with COMMENT_TRUST_AFTER approved comments
 * and no spam or trashed comment in the last 90 days.
 */
export function trustStanding(tx: DbOrTx, email: string, now = new Date()): TrustStanding {
  const address = email.trim().toLowerCase();
  const row = tx
    .select({ provenAt: commenters.provenAt, trust: commenters.trust })
    .from(commenters)
    .where(eq(commenters.email, address))
    .get();
  const since = new Date(now.getTime() - TRUST_WINDOW_MS);
  const counts = tx
    .select({
      approved: sql<number>`coalesce(sum(${comments.status} = 'approved'), 0)`,
      strikes: sql<number>`coalesce(sum(${comments.status} in ('spam', 'trash') and coalesce(${comments.moderatedAt}, ${comments.createdAt}) >= ${since.getTime()}), 0)`,
    })
    .from(comments)
    .where(and(eq(comments.authorEmail, address), eq(comments.isStaff, false)))
    .get();
  const proven = Boolean(row?.provenAt);
  const trust = row?.trust ?? 'auto';
  const approved = counts?.approved ?? 0;
  const recentStrikes = counts?.strikes ?? 0;
  const trusted =
    proven && trust !== 'always-moderate' && (trust === 'trusted' || (approved >= env.COMMENT_TRUST_AFTER && recentStrikes === 0));
  return { proven, trust, approved, recentStrikes, trusted };
}

/** What the console shows beside each address: proven, trusted (one query for a page of rows). */
export function standingsOf(emails: string[], now = new Date()): Map<string, TrustStanding> {
  const out = new Map<string, TrustStanding>();
  const db = getDb();
  const known = new Set(
    db
      .select({ email: commenters.email })
      .from(commenters)
      .where(inArray(commenters.email, [...new Set(emails)]))
      .all()
      .map((r) => r.email),
  );
  for (const email of new Set(emails)) if (known.has(email)) out.set(email, trustStanding(db, email, now));
  return out;
}

/**
 * A moderator's mark on an address: Trusted, Always moderate, or back to automatic. An address
 * nobody has proven can be marked too (the mark waits for its proof). Logged.
 */
export function setCommenterTrust({
  email,
  trust,
  actor,
  now = new Date(),
}: {
  email: string;
  trust: CommenterTrust;
  actor: string;
  now?: Date;
}): void {
  const address = email.trim().toLowerCase();
  getDb().transaction(
    (tx) => {
      tx.insert(commenters)
        .values({ email: address, trust, trustSetBy: actor, trustSetAt: now, createdAt: now })
        .onConflictDoUpdate({ target: commenters.email, set: { trust, trustSetBy: actor, trustSetAt: now } })
        .run();
      logStaffAction(tx, {
        actor,
        action: `commenter-${trust}`,
        detail: address,
        link: `/admin/comments/history?email=${encodeURIComponent(address)}`,
        at: now,
      });
    },
    { behavior: 'immediate' },
  );
}

/**
 * Marking as spam a comment that trust published, or one by an address trusted now, withdraws the
 * trust (a Trusted mark goes back to automatic, which the spam now keeps shut) and every browser's
 * credential. Call inside the moderation's transaction, before the comments change. Each
 * withdrawal is logged.
 */
export function withdrawTrustForSpam(tx: DbOrTx, commentIds: number[], actor: string, now = new Date()): void {
  if (commentIds.length === 0) return;
  const rows = tx
    .select({ email: comments.authorEmail, moderatedBy: comments.moderatedBy, proven: comments.proven })
    .from(comments)
    .where(and(inArray(comments.id, commentIds), eq(comments.isStaff, false)))
    .all();
  for (const email of new Set(rows.map((r) => r.email))) {
    const row = tx.select().from(commenters).where(eq(commenters.email, email)).get();
    if (!row) continue;
    // Only a comment from the browser that proved the address is the owner's: spam typed under
    // someone else's address must not cost them their trust.
    const own = rows.filter((r) => r.email === email && (r.proven || r.moderatedBy === TRUST_ACTOR));
    if (own.length === 0) continue;
    if (!own.some((r) => r.moderatedBy === TRUST_ACTOR) && !trustStanding(tx, email, now).trusted) continue;
    if (row.trust === 'trusted')
      tx.update(commenters).set({ trust: 'auto', trustSetBy: actor, trustSetAt: now }).where(eq(commenters.id, row.id)).run();
    revokeCredentials(tx, row.id, now);
    logStaffAction(tx, {
      actor,
      action: 'commenter-trust-withdrawn',
      detail: `${email}: marked as spam; trust and every browser's credential withdrawn`,
      link: `/admin/comments/history?email=${encodeURIComponent(email)}`,
      at: now,
    });
  }
}

/** For the moderation console's commenter history. */
export function commenterStanding(email: string): (TrustStanding & { credentials: number; provenAt: Date | null }) | null {
  const db = getDb();
  const address = email.trim().toLowerCase();
  const row = db.select().from(commenters).where(eq(commenters.email, address)).get();
  if (!row) return null;
  const credentials =
    db
      .select({ n: count() })
      .from(commenterCredentials)
      .where(and(eq(commenterCredentials.commenterId, row.id), isNull(commenterCredentials.revokedAt)))
      .get()?.n ?? 0;
  return { ...trustStanding(db, address), credentials, provenAt: row.provenAt };
}
