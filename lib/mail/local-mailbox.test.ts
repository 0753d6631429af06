import { beforeAll, describe, expect, it, vi } from 'vitest';

// Without RESEND_API_KEY the site runs on its embedded mailbox: email is kept as delivered locally
// and /dev/mail shows it, while SITE_URL is a localhost URL.
vi.hoisted(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  process.env.SITE_URL = 'http://localhost:3000';
});

import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { deliverDueEmails } from './deliver';
import { enqueueEmail, prepareSharedEmailEnqueue } from './outbox';
import { getMailboxEmail, listMailbox, localMailboxOpenTo } from './queries';
import { createSharedEmail } from './shared-emails';
import { getTransport, isLocalMailbox } from './transport';

beforeAll(() => migrateDatabase());

describe('the local mailbox', () => {
  it('is the transport when no API key is set, and /dev/mail is open on a localhost site', () => {
    expect(isLocalMailbox()).toBe(true);
    expect(getTransport().name).toBe('local');
    expect(localMailboxOpenTo('127.0.0.1')).toBe(true);
  });

  it('is shown only to a client on this machine', () => {
    for (const ip of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(localMailboxOpenTo(ip), ip).toBe(true);
    for (const ip of ['192.168.1.20', '10.0.0.1', '203.0.113.9', '::ffff:192.168.1.20', '2001:db8::1', 'fe80::1', '0.0.0.0', 'unknown', ''])
      expect(localMailboxOpenTo(ip), ip).toBe(false);
    // Never with a real provider, nor on a public site, even from loopback.
    expect(localMailboxOpenTo('127.0.0.1', { localTransport: false, localSite: true })).toBe(false);
    expect(localMailboxOpenTo('127.0.0.1', { localTransport: true, localSite: false })).toBe(false);
  });

  it('keeps each email as delivered, with its HTML, plain text and headers', async () => {
    const { id } = getDb().transaction((tx) =>
      enqueueEmail(tx, {
        kind: 'newsletter_welcome',
        to: 'reader@example.com',
        subject: 'Welcome to The Ledger',
        html: '<p>Welcome</p>',
        text: 'Welcome',
        headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      }),
    );
    expect(await deliverDueEmails()).toEqual({ sent: 1, retry: 0, failed: 0 });

    expect(listMailbox()[0]).toMatchObject({ id, recipient: 'reader@example.com', subject: 'Welcome to The Ledger', status: 'sent' });
    expect(getMailboxEmail({ id })).toMatchObject({
      html: '<p>Welcome</p>',
      text: 'Welcome',
      headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      transport: 'local',
      providerId: `local/outbox/${id}`,
    });
    expect(getMailboxEmail({ id: 999_999 })).toBeNull();
  });

  it('shows a newsletter copy filled in from its shared template, as it was sent', async () => {
    getDb().transaction((tx) => {
      const sharedEmailId = createSharedEmail(tx, {
        subject: 'The week in public-sector technology',
        html: '<p>Issue</p><a href="https://x.example/u/__UNSUB_TOKEN__">Unsubscribe</a>',
        text: 'Issue. Unsubscribe: https://x.example/u/__UNSUB_TOKEN__',
        headers: { 'List-Unsubscribe': '<https://x.example/u/__UNSUB_TOKEN__>' },
      });
      prepareSharedEmailEnqueue(tx)({
        kind: 'newsletter_issue',
        to: 'copy@example.com',
        sharedEmailId,
        vars: { __UNSUB_TOKEN__: 'tok123' },
        subject: 'The week in public-sector technology',
        idempotencyKey: 'issue/1/subscriber/1',
      });
    });
    await deliverDueEmails();
    const row = listMailbox().find((e) => e.recipient === 'copy@example.com')!;
    expect(getMailboxEmail({ id: row.id })).toMatchObject({
      subject: 'The week in public-sector technology',
      html: '<p>Issue</p><a href="https://x.example/u/tok123">Unsubscribe</a>',
      text: 'Issue. Unsubscribe: https://x.example/u/tok123',
      headers: { 'List-Unsubscribe': '<https://x.example/u/tok123>' },
    });
  });
});
