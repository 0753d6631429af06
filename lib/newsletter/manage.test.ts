import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// The subscription page's rules and who a section's issue reaches, on a real SQLite file.
// lib/env reads the environment when first imported, so it is set before the imports run.
vi.hoisted(() => {
  Object.assign(process.env, {
    SITE_URL: 'https://news.example.org',
    MAIL_FROM: 'The Ledger <newsroom@news.example.org>',
    // Required with a public SITE_URL; nothing is sent in this file.
    RESEND_API_KEY: 're_unit_test_key',
    AUTH_SECRET: 'unit-test-secret-0123456789abcdef',
  });
});

import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { emailOutbox, sections, subscriberSections, subscribers, type SubscriberStatus } from '@/db/schema';
import { countConfirmedSubscribers, countIssueRecipients, UNSUB } from './issues';
import {
  confirmAddressChange,
  getSubscriptionByManageToken,
  inspectAddressChangeToken,
  pauseSubscription,
  requestAddressChange,
  resumeSubscription,
  saveSectionChoice,
} from './manage';
import { findSubscriberByUnsubscribeToken, subscriberRef, unsubscribe } from './subscriptions';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
let counter = 0;
const newAddress = (label = 'm') => `${label}-${Date.now().toString(36)}-${++counter}@example.net`;
const newClient = () => ({ ipHash: `ip-${Date.now().toString(36)}-${++counter}`, ipRangeHash: null });
const db = () => getDb();

let politics = 0;
let health = 0;
let cyber = 0;

beforeAll(() => {
  migrateDatabase();
  const add = (slug: string, name: string, position: number) =>
    db().insert(sections).values({ slug, name, position }).returning({ id: sections.id }).get().id;
  politics = add('politics-unit', 'Politics', 1);
  health = add('health-unit', 'Health IT', 2);
  cyber = add('cyber-unit', 'Cyber Security', 3);
});

// Counts are of the whole table: every test starts with no subscribers.
beforeEach(() => {
  db().delete(subscribers).run();
});

/** A subscriber (confirmed a day ago unless told otherwise) and their manage token. */
function addSubscriber({ status = 'confirmed', email = newAddress() }: { status?: SubscriberStatus; email?: string } = {}) {
  const token = randomBytes(32).toString('base64url');
  const at = new Date(Date.now() - DAY);
  const { id } = db()
    .insert(subscribers)
    .values({ email, status, unsubscribeToken: token, confirmedAt: status === 'pending' ? null : at, createdAt: at, updatedAt: at })
    .returning({ id: subscribers.id })
    .get();
  return { id, email, token };
}

const row = (id: number) => db().select().from(subscribers).where(eq(subscribers.id, id)).get();
const outbox = (to: string) => db().select().from(emailOutbox).where(eq(emailOutbox.recipient, to)).orderBy(emailOutbox.id).all();

/** The token in the newest address-change email to `to`, as the person would click it. */
function changeToken(to: string): string {
  const email = outbox(to)
    .filter((e) => e.kind === 'newsletter_change_address')
    .at(-1);
  const token = email?.text.match(/\/newsletter\/confirm-address\?token=([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`no address-change link to ${to}`);
  return token;
}

describe('who a section issue reaches', () => {
  it('a subscriber of every section counts for each section; one who chose sections only for those', () => {
    addSubscriber();
    const chooser = addSubscriber();
    expect(saveSectionChoice({ token: chooser.token, allSections: false, sectionIds: [health] })).toEqual({
      ok: true,
      allSections: false,
      names: ['Health IT'],
    });

    expect(countIssueRecipients()).toBe(2);
    expect(countIssueRecipients({ sectionId: politics })).toBe(1);
    expect(countIssueRecipients({ sectionId: cyber })).toBe(1);
    expect(countIssueRecipients({ sectionId: health })).toBe(2);
  });

  it('leaves out pending, unsubscribed, bounced and complained subscribers whatever their sections', () => {
    addSubscriber();
    for (const status of ['pending', 'unsubscribed', 'bounced', 'complained'] as const) addSubscriber({ status });
    for (const sectionId of [null, politics, health]) expect(countIssueRecipients({ sectionId })).toBe(1);
    expect(countConfirmedSubscribers()).toBe(1);
  });

  it('leaves out a paused subscriber until the pause ends, and at once after Resume', () => {
    const now = new Date();
    const s = addSubscriber();
    addSubscriber();
    expect(pauseSubscription(s.token, now)).toEqual({ ok: true, pausedUntil: new Date(now.getTime() + 30 * DAY) });

    expect(countIssueRecipients({ at: now })).toBe(1);
    expect(countIssueRecipients({ sectionId: politics, at: new Date(now.getTime() + 29 * DAY) })).toBe(1);
    // An issue starting once the month is over reaches them again.
    expect(countIssueRecipients({ at: new Date(now.getTime() + 30 * DAY) })).toBe(2);
    // Paused subscribers are still subscribers.
    expect(countConfirmedSubscribers()).toBe(2);

    expect(resumeSubscription(s.token)).toEqual({ ok: true, pausedUntil: null });
    expect(countIssueRecipients()).toBe(2);
  });
});

describe('sections', () => {
  it('saves the chosen sections, and "all sections" again, replacing the choice each time', () => {
    const s = addSubscriber();
    expect(getSubscriptionByManageToken(s.token)).toMatchObject({ allSections: true, sectionIds: [] });

    // Unknown ids are ignored; the page lists them in the navigation's order.
    expect(saveSectionChoice({ token: s.token, allSections: false, sectionIds: [cyber, politics, 999_999] })).toEqual({
      ok: true,
      allSections: false,
      names: ['Politics', 'Cyber Security'],
    });
    expect(getSubscriptionByManageToken(s.token)).toMatchObject({ allSections: false, sectionIds: [politics, cyber] });

    saveSectionChoice({ token: s.token, allSections: false, sectionIds: [health] });
    expect(getSubscriptionByManageToken(s.token)).toMatchObject({ allSections: false, sectionIds: [health] });

    // "All sections" wins over boxes ticked with it, and clears the list.
    expect(saveSectionChoice({ token: s.token, allSections: true, sectionIds: [health] })).toEqual({
      ok: true,
      allSections: true,
      names: [],
    });
    expect(getSubscriptionByManageToken(s.token)).toMatchObject({ allSections: true, sectionIds: [] });
    expect(db().select().from(subscriberSections).where(eq(subscriberSections.subscriberId, s.id)).all()).toEqual([]);
  });

  it('refuses no section at all and keeps the saved choice', () => {
    const s = addSubscriber();
    saveSectionChoice({ token: s.token, allSections: false, sectionIds: [politics] });
    expect(saveSectionChoice({ token: s.token, allSections: false, sectionIds: [] })).toEqual({ ok: false, reason: 'none-chosen' });
    expect(saveSectionChoice({ token: s.token, allSections: false, sectionIds: [999_999] })).toEqual({ ok: false, reason: 'none-chosen' });
    expect(getSubscriptionByManageToken(s.token)).toMatchObject({ allSections: false, sectionIds: [politics] });
  });

  it('answers an unknown token, and an unsubscribed subscriber, without changing anything', () => {
    expect(getSubscriptionByManageToken('not-a-token')).toBeNull();
    expect(getSubscriptionByManageToken(randomBytes(32).toString('base64url'))).toBeNull();
    expect(saveSectionChoice({ token: 'x'.repeat(43), allSections: true, sectionIds: [] })).toEqual({ ok: false, reason: 'invalid' });
    const gone = addSubscriber({ status: 'unsubscribed' });
    expect(saveSectionChoice({ token: gone.token, allSections: false, sectionIds: [politics] })).toEqual({
      ok: false,
      reason: 'not-subscribed',
    });
    expect(row(gone.id)!.allSections).toBe(true);
  });
});

describe('pause', () => {
  it('pauses a confirmed subscription for 30 days and resumes it; the page shows the pause only while it lasts', () => {
    const now = new Date();
    const s = addSubscriber();
    pauseSubscription(s.token, now);
    expect(row(s.id)!.pausedUntil).toEqual(new Date(now.getTime() + 30 * DAY));
    expect(getSubscriptionByManageToken(s.token, now)!.pausedUntil).toEqual(new Date(now.getTime() + 30 * DAY));
    expect(getSubscriptionByManageToken(s.token, new Date(now.getTime() + 31 * DAY))!.pausedUntil).toBeNull();
    resumeSubscription(s.token);
    expect(row(s.id)!.pausedUntil).toBeNull();
  });

  it('pauses only a confirmed subscription', () => {
    const pending = addSubscriber({ status: 'pending' });
    expect(pauseSubscription(pending.token)).toEqual({ ok: false, reason: 'not-subscribed' });
    expect(pauseSubscription('nope')).toEqual({ ok: false, reason: 'invalid' });
    expect(row(pending.id)!.pausedUntil).toBeNull();
  });
});

describe('change of address', () => {
  it('keeps the old address until the new one confirms, then moves it, rotates the token and uses the link up', async () => {
    const s = addSubscriber();
    const next = newAddress('new');
    const now = new Date();
    expect(await requestAddressChange({ token: s.token, rawEmail: `  ${next.toUpperCase()} `, client: newClient(), now })).toEqual({
      ok: true,
      email: next,
    });

    // The old address is still the subscription's; the page shows the change waiting.
    expect(row(s.id)).toMatchObject({ email: s.email, newEmail: next, newEmailExpiresAt: new Date(now.getTime() + 48 * HOUR) });
    expect(getSubscriptionByManageToken(s.token)).toMatchObject({ email: s.email, pendingEmail: next });
    const [mail] = outbox(next);
    expect(mail).toMatchObject({
      kind: 'newsletter_change_address',
      subject: "Confirm your new address for The Ledger's newsletter",
      ref: subscriberRef(s.id),
    });
    expect(outbox(s.email)).toEqual([]);
    const token = changeToken(next);
    // Only the token's hash is stored.
    expect(JSON.stringify(row(s.id))).not.toContain(token);

    // Opening the link changes nothing.
    expect(inspectAddressChangeToken(token)).toBe('valid');
    expect(row(s.id)!.email).toBe(s.email);

    const confirmed = confirmAddressChange(token);
    expect(confirmed.result).toBe('changed');
    const after = row(s.id)!;
    expect(after).toMatchObject({ email: next, status: 'confirmed', newEmail: null, newEmailTokenHash: null, newEmailExpiresAt: null });
    expect(confirmed.result === 'changed' && confirmed.manageToken).toBe(after.unsubscribeToken);
    // Links in emails sent to the old address no longer control the subscription.
    expect(after.unsubscribeToken).not.toBe(s.token);
    expect(findSubscriberByUnsubscribeToken(s.token)).toBeNull();
    expect(getSubscriptionByManageToken(after.unsubscribeToken)).toMatchObject({ email: next, pendingEmail: null });

    // Single use.
    expect(inspectAddressChangeToken(token)).toBe('invalid');
    expect(confirmAddressChange(token)).toEqual({ result: 'invalid' });
  });

  it('a link older than 48 hours changes nothing', async () => {
    const s = addSubscriber();
    const next = newAddress('late');
    const asked = new Date(Date.now() - 49 * HOUR);
    await requestAddressChange({ token: s.token, rawEmail: next, client: newClient(), now: asked });
    const token = changeToken(next);
    expect(inspectAddressChangeToken(token)).toBe('expired');
    expect(confirmAddressChange(token)).toEqual({ result: 'expired' });
    expect(row(s.id)!.email).toBe(s.email);
    expect(getSubscriptionByManageToken(s.token)!.pendingEmail).toBeNull();
  });

  it('a second request replaces the first, whose link then does nothing', async () => {
    const s = addSubscriber();
    const [first, second] = [newAddress('first'), newAddress('second')];
    await requestAddressChange({ token: s.token, rawEmail: first, client: newClient() });
    const firstToken = changeToken(first);
    await requestAddressChange({ token: s.token, rawEmail: second, client: newClient() });
    expect(confirmAddressChange(firstToken)).toEqual({ result: 'invalid' });
    expect(confirmAddressChange(changeToken(second)).result).toBe('changed');
    expect(row(s.id)!.email).toBe(second);
  });

  it('merges a subscriber row that already held the new address, cancelling what was queued for it', async () => {
    const s = addSubscriber();
    saveSectionChoice({ token: s.token, allSections: false, sectionIds: [politics] });
    const other = addSubscriber({ email: newAddress('held') });
    db()
      .insert(emailOutbox)
      .values({
        kind: 'newsletter_welcome',
        recipient: other.email,
        subject: 'Welcome',
        html: '<p>Hi</p>',
        text: 'Hi',
        ref: subscriberRef(other.id),
      })
      .run();

    // The answer is the one any other address gets: nothing says the address is subscribed.
    expect(await requestAddressChange({ token: s.token, rawEmail: other.email, client: newClient() })).toEqual({
      ok: true,
      email: other.email,
    });
    expect(row(other.id)!.status).toBe('confirmed');

    expect(confirmAddressChange(changeToken(other.email)).result).toBe('changed');
    expect(row(other.id)).toBeUndefined();
    expect(row(s.id)).toMatchObject({ email: other.email, allSections: false });
    expect(getSubscriptionByManageToken(row(s.id)!.unsubscribeToken)!.sectionIds).toEqual([politics]);
    expect(findSubscriberByUnsubscribeToken(other.token)).toBeNull();
    const welcome = outbox(other.email).find((e) => e.kind === 'newsletter_welcome')!;
    expect(welcome.status).toBe('cancelled');
    // Nobody is counted twice.
    expect(countIssueRecipients()).toBe(1);
  });

  it('sends an issue still waiting in the outbox to the new address, with the new token', async () => {
    const s = addSubscriber();
    const next = newAddress('moved');
    const queued = db()
      .insert(emailOutbox)
      .values({
        kind: 'newsletter_issue',
        recipient: s.email,
        subject: 'This week',
        html: '',
        text: '',
        vars: { [UNSUB]: s.token },
        ref: subscriberRef(s.id),
        groupKey: 'issue:1',
      })
      .returning({ id: emailOutbox.id })
      .get();
    await requestAddressChange({ token: s.token, rawEmail: next, client: newClient() });
    confirmAddressChange(changeToken(next));
    const moved = db().select().from(emailOutbox).where(eq(emailOutbox.id, queued.id)).get()!;
    expect(moved).toMatchObject({ recipient: next, status: 'queued', vars: { [UNSUB]: row(s.id)!.unsubscribeToken } });
  });

  it('refuses a bad address, the same address and a subscriber who is not confirmed, sending nothing', async () => {
    const s = addSubscriber();
    expect(await requestAddressChange({ token: s.token, rawEmail: 'not an address', client: newClient() })).toMatchObject({
      ok: false,
      reason: 'invalid-email',
      message: 'Please enter one email address only.',
    });
    expect(await requestAddressChange({ token: s.token, rawEmail: s.email.toUpperCase(), client: newClient() })).toEqual({
      ok: false,
      reason: 'same-address',
    });
    const pending = addSubscriber({ status: 'pending' });
    expect(await requestAddressChange({ token: pending.token, rawEmail: newAddress(), client: newClient() })).toEqual({
      ok: false,
      reason: 'not-subscribed',
    });
    expect(await requestAddressChange({ token: 'nope', rawEmail: newAddress(), client: newClient() })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(row(s.id)!.newEmail).toBeNull();
  });

  it('takes the sign-up limits: three confirmation emails a day to one mailbox, ten requests an hour from one network', async () => {
    const s = addSubscriber();
    const target = newAddress('limited');
    for (let i = 0; i < 3; i++)
      expect((await requestAddressChange({ token: s.token, rawEmail: target, client: newClient() })).ok).toBe(true);
    expect(await requestAddressChange({ token: s.token, rawEmail: target, client: newClient() })).toEqual({
      ok: false,
      reason: 'address-limit',
    });
    expect(outbox(target)).toHaveLength(3);

    const client = newClient();
    for (let i = 0; i < 10; i++) expect((await requestAddressChange({ token: s.token, rawEmail: newAddress(), client })).ok).toBe(true);
    expect(await requestAddressChange({ token: s.token, rawEmail: newAddress(), client })).toEqual({ ok: false, reason: 'ip-limit' });
  });

  it('writes nothing to an address that bounced, and answers as for any other', async () => {
    const s = addSubscriber();
    const bounced = addSubscriber({ status: 'bounced' });
    expect((await requestAddressChange({ token: s.token, rawEmail: bounced.email, client: newClient() })).ok).toBe(true);
    expect(outbox(bounced.email)).toEqual([]);
  });

  it('unsubscribing drops a change waiting for confirmation', async () => {
    const s = addSubscriber();
    const next = newAddress('dropped');
    await requestAddressChange({ token: s.token, rawEmail: next, client: newClient() });
    const token = changeToken(next);
    expect(unsubscribe(s.token)).toBe('unsubscribed');
    expect(confirmAddressChange(token)).toEqual({ result: 'invalid' });
    expect(row(s.id)).toMatchObject({ email: s.email, status: 'unsubscribed', newEmail: null });
    // The confirmation email, if still queued, is cancelled with the subscription.
    expect(
      db()
        .select({ status: emailOutbox.status })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.recipient, next), eq(emailOutbox.kind, 'newsletter_change_address')))
        .get()!.status,
    ).toBe('cancelled');
  });
});
