import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { emailOutbox, subscribers, webhookEvents, type SubscriberStatus } from '@/db/schema';
import { listOutbox } from './admin';
import { eventsOf } from './events';
import { handleResendEvent } from './webhooks';

// Resend's delivery events against a real SQLite file: what a bounce, a complaint and a delivery
// change, and that the same event delivered twice changes nothing the second time.

beforeAll(() => {
  migrateDatabase();
});

let seq = 0;
const uniq = () => `${Date.now().toString(36)}-${++seq}`;

function addSubscriber(status: SubscriberStatus = 'confirmed', email = `reader-${uniq()}@example.com`) {
  const now = new Date();
  return getDb()
    .insert(subscribers)
    .values({
      email,
      status,
      unsubscribeToken: randomBytes(32).toString('base64url'),
      confirmedAt: status === 'confirmed' ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}

function addEmail(
  sub: { id: number; email: string },
  { status = 'queued', providerId = null }: { status?: 'queued' | 'sent' | 'sending'; providerId?: string | null } = {},
) {
  return getDb()
    .insert(emailOutbox)
    .values({
      kind: 'newsletter_issue',
      recipient: sub.email,
      subject: 'An issue',
      html: '<p>x</p>',
      text: 'x',
      ref: `subscriber:${sub.id}`,
      status,
      providerId,
    })
    .returning()
    .get();
}

const subscriber = (id: number) => getDb().select().from(subscribers).where(eq(subscribers.id, id)).get()!;
const email = (id: number) => getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!;

const bounce = (to: string, type?: string, emailId = `re_${uniq()}`) => ({
  type: 'email.bounced',
  created_at: new Date().toISOString(),
  data: { email_id: emailId, to: [to], ...(type ? { bounce: { type, subType: 'General', message: 'mailbox does not exist' } } : {}) },
});

describe('handleResendEvent', () => {
  it('a permanent bounce marks the subscriber bounced and cancels their queued email', () => {
    const s = addSubscriber();
    const queued = addEmail(s);
    const sent = addEmail(s, { status: 'sent', providerId: `re_${uniq()}` });
    const bystander = addSubscriber();
    const theirs = addEmail(bystander);

    expect(handleResendEvent({ messageId: `msg_${uniq()}`, payload: bounce(s.email, 'Permanent', sent.providerId!) })).toBe('handled');

    const after = subscriber(s.id);
    expect(after.status).toBe('bounced');
    expect(after.bouncedAt).toBeInstanceOf(Date);
    expect(email(queued.id).status).toBe('cancelled');
    // What already went out stays in the log as sent, with the provider's word on it.
    expect(email(sent.id)).toMatchObject({ status: 'sent', providerStatus: 'bounced' });
    // Nobody else is touched.
    expect(subscriber(bystander.id).status).toBe('confirmed');
    expect(email(theirs.id).status).toBe('queued');
    // Each email's history says so, and the outbox search by recipient shows it.
    expect(eventsOf(getDb(), sent.id)).toMatchObject([{ event: 'bounced', detail: 'reported by the provider' }]);
    expect(eventsOf(getDb(), queued.id)).toMatchObject([{ event: 'cancelled' }]);
    expect(eventsOf(getDb(), theirs.id)).toEqual([]);
    const found = listOutbox({ recipient: s.email.slice(0, 20).toUpperCase() });
    expect(found.map((e) => e.id).sort((a, b) => a - b)).toEqual([queued.id, sent.id]);
    expect(found.find((e) => e.id === sent.id)!.history.map((h) => h.what)).toEqual(['queued', 'bounced']);
    expect(listOutbox({ recipient: '%' }).length).toBe(0);
  });

  it('matches the recipient whatever the case of the address in the event', () => {
    const s = addSubscriber('confirmed', `Mixed.Case-${uniq()}@example.com`);
    expect(handleResendEvent({ messageId: `msg_${uniq()}`, payload: bounce(`  ${s.email.toUpperCase()} `, 'Permanent') })).toBe('handled');
    expect(subscriber(s.id).status).toBe('bounced');
  });

  it('a temporary bounce changes no subscriber and cancels nothing', () => {
    const s = addSubscriber();
    const queued = addEmail(s);
    for (const type of ['Transient', 'Undetermined']) {
      expect(handleResendEvent({ messageId: `msg_${uniq()}`, payload: bounce(s.email, type) })).toBe('handled');
    }
    expect(subscriber(s.id)).toMatchObject({ status: 'confirmed', bouncedAt: null });
    expect(email(queued.id).status).toBe('queued');
  });

  it('a complaint marks the subscriber complained and cancels their queued email', () => {
    const s = addSubscriber();
    const queued = addEmail(s);
    const payload = { type: 'email.complained', created_at: new Date().toISOString(), data: { email_id: `re_${uniq()}`, to: s.email } };
    expect(handleResendEvent({ messageId: `msg_${uniq()}`, payload })).toBe('handled');
    expect(subscriber(s.id)).toMatchObject({ status: 'complained' });
    expect(subscriber(s.id).complainedAt).toBeInstanceOf(Date);
    expect(email(queued.id).status).toBe('cancelled');
  });

  it('a complaint outranks an earlier bounce, and a later bounce does not undo a complaint', () => {
    const s = addSubscriber();
    handleResendEvent({ messageId: `msg_${uniq()}`, payload: bounce(s.email, 'Permanent') });
    handleResendEvent({ messageId: `msg_${uniq()}`, payload: { type: 'email.complained', data: { to: [s.email] } } });
    expect(subscriber(s.id).status).toBe('complained');
    handleResendEvent({ messageId: `msg_${uniq()}`, payload: bounce(s.email, 'Permanent') });
    expect(subscriber(s.id).status).toBe('complained');
  });

  it('the same message id a second time is a duplicate and changes nothing', () => {
    const s = addSubscriber();
    const messageId = `msg_${uniq()}`;
    const providerId = `re_${uniq()}`;
    const sent = addEmail(s, { status: 'sent', providerId });
    const delivered = { type: 'email.delivered', created_at: new Date().toISOString(), data: { email_id: providerId, to: [s.email] } };
    const firstAt = new Date(Date.now() - 60_000);
    expect(handleResendEvent({ messageId, payload: delivered, now: firstAt })).toBe('handled');
    expect(email(sent.id)).toMatchObject({ providerStatus: 'delivered', providerStatusAt: firstAt });

    // A replay of the id, even carrying another event, is acknowledged and ignored.
    expect(handleResendEvent({ messageId, payload: bounce(s.email, 'Permanent', providerId) })).toBe('duplicate');
    expect(subscriber(s.id).status).toBe('confirmed');
    expect(email(sent.id)).toMatchObject({ providerStatus: 'delivered', providerStatusAt: firstAt });
    expect(getDb().select().from(webhookEvents).where(eq(webhookEvents.id, messageId)).all()).toHaveLength(1);
  });

  it('delivery events update the provider status of the outbox row with that provider id', () => {
    const s = addSubscriber();
    const providerId = `re_${uniq()}`;
    const sent = addEmail(s, { status: 'sent', providerId });
    const other = addEmail(s, { status: 'sent', providerId: `re_${uniq()}` });
    for (const type of ['email.sent', 'email.delivery_delayed', 'email.delivered']) {
      expect(
        handleResendEvent({
          messageId: `msg_${uniq()}`,
          payload: { type, created_at: new Date().toISOString(), data: { email_id: providerId, to: [s.email] } },
        }),
      ).toBe('handled');
      expect(email(sent.id).providerStatus).toBe(type.slice('email.'.length));
    }
    expect(email(sent.id).status).toBe('sent');
    expect(email(other.id).providerStatus).toBeNull();
    expect(subscriber(s.id).status).toBe('confirmed');
  });

  it('an unknown event type is recorded and changes nothing; a payload that is not an event is invalid', () => {
    const s = addSubscriber();
    expect(handleResendEvent({ messageId: `msg_${uniq()}`, payload: { type: 'contact.created', data: { to: [s.email] } } })).toBe(
      'handled',
    );
    expect(subscriber(s.id).status).toBe('confirmed');
    const messageId = `msg_${uniq()}`;
    for (const payload of [null, 'text', { data: {} }, { type: 'email.bounced' }, { type: 42, data: {} }]) {
      expect(handleResendEvent({ messageId, payload })).toBe('invalid');
    }
    // An invalid payload does not use up the id: the real event can still come.
    expect(handleResendEvent({ messageId, payload: bounce(s.email, 'Permanent') })).toBe('handled');
    expect(subscriber(s.id).status).toBe('bounced');
  });
});
