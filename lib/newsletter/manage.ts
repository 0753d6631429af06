import 'server-only';
import { createElement } from 'react';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { getDb } from '@/db';
import { emailOutbox, sections, subscriberSections, subscribers } from '@/db/schema';
import ConfirmNewAddress, { confirmNewAddressSubject } from '@/emails/confirm-new-address';
import { brand, cancelQueuedEmails, enqueueEmail, renderEmail } from '@/lib/mail';
import { liftSuppression } from '@/lib/privacy/suppression';
import type { ClientKeys } from '@/lib/security/client';
import { clientLimits, takeRateLimits } from '@/lib/security/rate-limit';
import { normaliseEmail } from './email';
import { UNSUB } from './issues';
import { confirmNewAddressUrl } from './links';
import { findSubscriberByUnsubscribeToken, IP_LIMIT, subscriberRef, takeAddressLimit } from './subscriptions';
import { CONFIRM_TOKEN_TTL_MS, hashToken, isWellFormedToken, newToken } from './tokens';

// A subscriber's own page (/newsletter/manage), reached with the per-subscriber token every
// newsletter email carries, no account: the sections they hear about, a pause, a change of
// address confirmed from the new mailbox, unsubscribe. The token is the credential, so each
// function looks the subscriber up by it again rather than trusting anything the page sent.

export const PAUSE_DAYS = 30;
const PAUSE_MS = PAUSE_DAYS * 24 * 60 * 60 * 1000;

/** What the page shows: no ids, no token hashes. */
export interface ManagedSubscription {
  email: string;
  status: (typeof subscribers.$inferSelect)['status'];
  allSections: boolean;
  sectionIds: number[];
  /** Only while the pause lasts. */
  pausedUntil: Date | null;
  /** An address change waiting for its confirmation (not yet expired). */
  pendingEmail: string | null;
}

export function getSubscriptionByManageToken(token: unknown, now = new Date()): ManagedSubscription | null {
  const found = findSubscriberByUnsubscribeToken(token);
  if (!found) return null;
  const db = getDb();
  const row = db
    .select({
      email: subscribers.email,
      status: subscribers.status,
      allSections: subscribers.allSections,
      pausedUntil: subscribers.pausedUntil,
      newEmail: subscribers.newEmail,
      newEmailExpiresAt: subscribers.newEmailExpiresAt,
    })
    .from(subscribers)
    .where(eq(subscribers.id, found.id))
    .get();
  if (!row) return null;
  const sectionIds = db
    .select({ id: subscriberSections.sectionId })
    .from(subscriberSections)
    .innerJoin(sections, eq(sections.id, subscriberSections.sectionId))
    .where(eq(subscriberSections.subscriberId, found.id))
    .orderBy(asc(sections.position), asc(sections.name))
    .all()
    .map((r) => r.id);
  return {
    email: row.email,
    status: row.status,
    allSections: row.allSections,
    sectionIds,
    pausedUntil: row.pausedUntil && row.pausedUntil.getTime() > now.getTime() ? row.pausedUntil : null,
    pendingEmail: row.newEmail && row.newEmailExpiresAt && row.newEmailExpiresAt.getTime() > now.getTime() ? row.newEmail : null,
  };
}

/** Subscriptions the page may change: confirmed ones, and for sections also those awaiting confirmation. */
const isActive = (status: string) => status === 'confirmed' || status === 'pending';

export type SectionChoice =
  { ok: true; allSections: boolean; names: string[] } | { ok: false; reason: 'invalid' | 'not-subscribed' | 'none-chosen' };

/**
 * Saves which sections' issues the subscriber gets: every section (including sections added later),
 * or only those chosen. Issues sent to everyone reach them either way. Choosing none is refused:
 * that is unsubscribing, which has its own button.
 */
export function saveSectionChoice({
  token,
  allSections,
  sectionIds,
}: {
  token: unknown;
  allSections: boolean;
  sectionIds: number[];
}): SectionChoice {
  const found = findSubscriberByUnsubscribeToken(token);
  if (!found) return { ok: false, reason: 'invalid' };
  return getDb().transaction(
    (tx): SectionChoice => {
      const row = tx.select({ status: subscribers.status }).from(subscribers).where(eq(subscribers.id, found.id)).get();
      if (!row) return { ok: false, reason: 'invalid' };
      if (!isActive(row.status)) return { ok: false, reason: 'not-subscribed' };
      const chosen = allSections
        ? []
        : sectionIds.length
          ? tx
              .select({ id: sections.id, name: sections.name })
              .from(sections)
              .where(inArray(sections.id, sectionIds))
              .orderBy(asc(sections.position), asc(sections.name))
              .all()
          : [];
      if (!allSections && chosen.length === 0) return { ok: false, reason: 'none-chosen' };
      tx.update(subscribers).set({ allSections, updatedAt: new Date() }).where(eq(subscribers.id, found.id)).run();
      tx.delete(subscriberSections).where(eq(subscriberSections.subscriberId, found.id)).run();
      if (chosen.length) {
        tx.insert(subscriberSections)
          .values(chosen.map((s) => ({ subscriberId: found.id, sectionId: s.id })))
          .run();
      }
      return { ok: true, allSections, names: chosen.map((s) => s.name) };
    },
    { behavior: 'immediate' },
  );
}

export type PauseOutcome = { ok: true; pausedUntil: Date | null } | { ok: false; reason: 'invalid' | 'not-subscribed' };

/** Pauses a confirmed subscription for a month: issues that start sending before then skip it. */
export function pauseSubscription(token: unknown, now = new Date()): PauseOutcome {
  return setPause(token, new Date(now.getTime() + PAUSE_MS), now);
}

/** Ends a pause at once: the next issue comes as usual. */
export function resumeSubscription(token: unknown, now = new Date()): PauseOutcome {
  return setPause(token, null, now);
}

function setPause(token: unknown, pausedUntil: Date | null, now: Date): PauseOutcome {
  const found = findSubscriberByUnsubscribeToken(token);
  if (!found) return { ok: false, reason: 'invalid' };
  const changed = getDb()
    .update(subscribers)
    .set({ pausedUntil, updatedAt: now })
    .where(and(eq(subscribers.id, found.id), eq(subscribers.status, 'confirmed')))
    .run().changes;
  return changed ? { ok: true, pausedUntil } : { ok: false, reason: 'not-subscribed' };
}

export type AddressChangeOutcome =
  | { ok: true; email: string }
  | { ok: false; reason: 'invalid-email'; message: string }
  | { ok: false; reason: 'invalid' | 'not-subscribed' | 'same-address' | 'ip-limit' | 'address-limit' };

/**
 * Starts a change of address: the new address gets a confirmation link (48 hours, single use, only
 * its hash stored) and the subscription keeps its old address until the link is used. The answer
 * is the same whether or not the new address is already subscribed; the per-IP limit is the
 * sign-up form's, and the new address's own daily limit is the one sign-ups take from it.
 */
export async function requestAddressChange({
  token,
  rawEmail,
  client,
  now = new Date(),
}: {
  token: unknown;
  rawEmail: string;
  client: ClientKeys;
  now?: Date;
}): Promise<AddressChangeOutcome> {
  const found = findSubscriberByUnsubscribeToken(token);
  if (!found) return { ok: false, reason: 'invalid' };
  if (found.status !== 'confirmed') return { ok: false, reason: 'not-subscribed' };
  const normalised = normaliseEmail(rawEmail);
  if (!normalised.ok) return { ok: false, reason: 'invalid-email', message: normalised.message };
  const email = normalised.email;
  if (email === found.email) return { ok: false, reason: 'same-address' };

  const changeToken = newToken();
  const confirmation = await renderEmail(
    confirmNewAddressSubject({ brand: brand() }),
    createElement(ConfirmNewAddress, { brand: brand(), confirmUrl: confirmNewAddressUrl(changeToken) }),
  );
  return getDb().transaction(
    (tx): AddressChangeOutcome => {
      if (!takeRateLimits(tx, clientLimits(client, { bucket: 'newsletter-ip', ...IP_LIMIT }), now.getTime())) {
        return { ok: false, reason: 'ip-limit' };
      }
      if (!takeAddressLimit(tx, email, now)) return { ok: false, reason: 'address-limit' };
      const row = tx.select({ status: subscribers.status }).from(subscribers).where(eq(subscribers.id, found.id)).get();
      if (row?.status !== 'confirmed') return { ok: false, reason: 'not-subscribed' };
      // A new request replaces any earlier one, and its link.
      tx.update(subscribers)
        .set({
          newEmail: email,
          newEmailTokenHash: hashToken(changeToken),
          newEmailExpiresAt: new Date(now.getTime() + CONFIRM_TOKEN_TTL_MS),
          updatedAt: now,
        })
        .where(eq(subscribers.id, found.id))
        .run();
      const holder = tx.select({ status: subscribers.status }).from(subscribers).where(eq(subscribers.email, email)).get();
      // As for sign-ups: an address that bounced or complained is never written to again, and the
      // answer stays the same.
      if (holder?.status !== 'bounced' && holder?.status !== 'complained') {
        enqueueEmail(tx, { kind: 'newsletter_change_address', to: email, ...confirmation, ref: subscriberRef(found.id) });
      }
      return { ok: true, email };
    },
    { behavior: 'immediate' },
  );
}

export type AddressTokenLookup = 'valid' | 'expired' | 'invalid';

function findByAddressToken(token: unknown) {
  if (!isWellFormedToken(token)) return null;
  return (
    getDb()
      .select({
        id: subscribers.id,
        status: subscribers.status,
        newEmail: subscribers.newEmail,
        expiresAt: subscribers.newEmailExpiresAt,
      })
      .from(subscribers)
      .where(eq(subscribers.newEmailTokenHash, hashToken(token)))
      .get() ?? null
  );
}

const lookup = (row: ReturnType<typeof findByAddressToken>, now: Date): AddressTokenLookup => {
  if (!row?.newEmail || row.status !== 'confirmed') return 'invalid';
  if (!row.expiresAt || row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
};

/** Read-only check of an address-change link, for the page it opens (which must change nothing). */
export function inspectAddressChangeToken(token: unknown, now = new Date()): AddressTokenLookup {
  return lookup(findByAddressToken(token), now);
}

export type AddressChangeConfirmation = { result: 'changed'; manageToken: string } | { result: 'expired' | 'invalid' };

/**
 * Uses an address-change link (once): the subscription moves to the new address and gets a new
 * manage/unsubscribe token, so links in emails sent to the old address no longer control it. A
 * subscriber row that already held the new address belongs to the same person (they have just
 * shown they read its mailbox): it is merged into this one, which keeps its own settings, and
 * anything still queued for it is cancelled.
 */
export function confirmAddressChange(token: unknown, now = new Date()): AddressChangeConfirmation {
  return getDb().transaction(
    (tx): AddressChangeConfirmation => {
      const row = findByAddressToken(token);
      const state = lookup(row, now);
      if (state !== 'valid' || !row?.newEmail) return { result: state === 'valid' ? 'invalid' : state };
      const email = row.newEmail;
      const other = tx
        .select({ id: subscribers.id })
        .from(subscribers)
        .where(and(eq(subscribers.email, email), ne(subscribers.id, row.id)))
        .get();
      if (other) {
        cancelQueuedEmails(tx, subscriberRef(other.id));
        tx.delete(subscribers).where(eq(subscribers.id, other.id)).run();
      }
      const manageToken = newToken();
      // An issue still waiting in the outbox goes to the new address, with the new token in its links
      // (not one already tried in a batch: its retry must repeat that request exactly).
      tx.update(emailOutbox)
        .set({ recipient: email, vars: { [UNSUB]: manageToken }, updatedAt: now })
        .where(
          and(
            eq(emailOutbox.ref, subscriberRef(row.id)),
            eq(emailOutbox.status, 'queued'),
            eq(emailOutbox.kind, 'newsletter_issue'),
            isNull(emailOutbox.batchKey),
          ),
        )
        .run();
      tx.update(subscribers)
        .set({
          email,
          unsubscribeToken: manageToken,
          newEmail: null,
          newEmailTokenHash: null,
          newEmailExpiresAt: null,
          updatedAt: now,
        })
        .where(eq(subscribers.id, row.id))
        .run();
      // The new address's owner confirmed it: consent, even if it was erased before.
      liftSuppression(tx, email);
      return { result: 'changed', manageToken };
    },
    { behavior: 'immediate' },
  );
}
