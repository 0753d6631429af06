import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabaseIfEmpty } from '@/db/seed';
import { articles, commenters, comments, dataRequests, emailOutbox, subscribers } from '@/db/schema';
import { newToken } from '@/lib/newsletter/tokens';
import { clientKeysFor } from '@/lib/security/client';
import { uniqueClientIp } from '@/test/support/client-ip';
import { collectHoldings, holdingsDocument } from './holdings';
import {
  ADDRESS_LIMIT,
  inspectDataLink,
  LINK_TTL_MS,
  openDataLink,
  pruneDataRequests,
  requestDataLink,
  SESSION_TTL_MS,
  sessionEmail,
} from './requests';

// The My data link on a real SQLite file: the same answer whatever is held, one email only when
// something is, single use, one hour, and the session it starts.

const db = () => getDb();
const unique = () => randomUUID().slice(0, 8);
const client = () => clientKeysFor(uniqueClientIp());
let articleId = 0;

beforeAll(() => {
  migrateDatabase();
  seedDatabaseIfEmpty();
  articleId = db().select({ id: articles.id }).from(articles).where(eq(articles.status, 'published')).get()!.id;
});

function commenter(status: 'pending' | 'approved' | 'spam' = 'pending') {
  const email = `mine-${unique()}@example.org`;
  db().insert(comments).values({ articleId, authorName: 'Mine', authorEmail: email, body: 'My words', status }).run();
  return email;
}
const emailsTo = (email: string) => db().select().from(emailOutbox).where(eq(emailOutbox.recipient, email)).all();
/** The token of the link in the latest my-data email to the address. */
function linkTokenOf(email: string): string {
  const text = emailsTo(email)
    .filter((e) => e.kind === 'my_data_link')
    .at(-1)!.text;
  return /token=([A-Za-z0-9_-]{43})/.exec(text)![1]!;
}

describe('asking for a link', () => {
  it('emails a link when something is held, and nothing (with the same answer) when not', async () => {
    const known = commenter();
    const unknown = `unknown-${unique()}@example.org`;
    expect(await requestDataLink({ rawEmail: known.toUpperCase(), client: client() })).toEqual({ ok: true });
    expect(await requestDataLink({ rawEmail: unknown, client: client() })).toEqual({ ok: true });
    expect(emailsTo(known).map((e) => e.subject)).toEqual(['Your data at The Ledger']);
    expect(emailsTo(unknown)).toEqual([]);
    expect(db().select().from(dataRequests).where(eq(dataRequests.email, unknown)).all()).toEqual([]);
  });

  it('says what to fix in a malformed address', async () => {
    expect(await requestDataLink({ rawEmail: 'not an address', client: client() })).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('limits links per address, whether or not anything is held', async () => {
    for (const email of [commenter(), `unknown-${unique()}@example.org`]) {
      for (let i = 0; i < ADDRESS_LIMIT.limit; i++)
        expect(await requestDataLink({ rawEmail: email, client: client() })).toEqual({ ok: true });
      expect(await requestDataLink({ rawEmail: email, client: client() })).toEqual({ ok: false, reason: 'address-limit' });
    }
  });

  it('limits requests per connection', async () => {
    const same = client();
    let outcome;
    for (let i = 0; i < 11; i++) outcome = await requestDataLink({ rawEmail: `many-${unique()}@example.org`, client: same });
    expect(outcome).toEqual({ ok: false, reason: 'ip-limit' });
  });
});

describe('the link and the session', () => {
  it('opens once: the page that shows it changes nothing, the button starts the session', async () => {
    const email = commenter();
    await requestDataLink({ rawEmail: email, client: client() });
    const token = linkTokenOf(email);
    expect(inspectDataLink(token)).toBe('valid');
    expect(inspectDataLink(token)).toBe('valid');
    const opened = openDataLink(token);
    if (!opened.ok) throw new Error(opened.state);
    expect(sessionEmail(opened.session)).toBe(email);
    expect(openDataLink(token)).toEqual({ ok: false, state: 'used' });
    expect(inspectDataLink(token)).toBe('used');
    expect(sessionEmail(newToken())).toBeNull();
    expect(sessionEmail('forged')).toBeNull();
  });

  it('expires the link after an hour, and the session an hour after it opened', async () => {
    const email = commenter();
    const start = new Date(Date.now() + 5 * 86_400_000);
    await requestDataLink({ rawEmail: email, client: client(), now: start });
    const token = linkTokenOf(email);
    expect(openDataLink(token, new Date(start.getTime() + LINK_TTL_MS + 1))).toEqual({ ok: false, state: 'expired' });
    const opened = openDataLink(token, new Date(start.getTime() + 1000));
    if (!opened.ok) throw new Error(opened.state);
    expect(sessionEmail(opened.session, new Date(start.getTime() + 1000 + SESSION_TTL_MS - 1))).toBe(email);
    expect(sessionEmail(opened.session, new Date(start.getTime() + 1000 + SESSION_TTL_MS + 1))).toBeNull();
    expect(pruneDataRequests(db(), new Date(start.getTime() + 2 * SESSION_TTL_MS))).toBeGreaterThanOrEqual(1);
    expect(db().select().from(dataRequests).where(eq(dataRequests.email, email)).all()).toEqual([]);
  });

  it('refuses a token that was never issued', () => {
    expect(openDataLink(newToken())).toEqual({ ok: false, state: 'invalid' });
    expect(inspectDataLink('../../etc')).toBe('invalid');
  });
});

describe('what is held', () => {
  it('lists comments in every status, the subscription with its consent, and emails of the last 90 days', async () => {
    const email = commenter('approved');
    db().insert(comments).values({ articleId, authorName: 'Mine', authorEmail: email, body: 'Held as spam', status: 'spam' }).run();
    db()
      .insert(subscribers)
      .values({
        email,
        status: 'confirmed',
        unsubscribeToken: newToken(),
        consentSource: '/articles/x',
        consentAt: new Date('2026-11-01T09:00:00Z'),
        confirmedAt: new Date('2026-11-01T09:05:00Z'),
      })
      .run();
    const old = new Date(Date.now() - 91 * 86_400_000);
    db()
      .insert(emailOutbox)
      .values({ kind: 'newsletter_issue', recipient: email, subject: 'Long ago', html: '', text: '', createdAt: old })
      .run();
    db().insert(emailOutbox).values({ kind: 'newsletter_issue', recipient: email, subject: 'This week', html: '', text: '' }).run();

    db()
      .insert(commenters)
      .values({ email, provenAt: new Date('2026-11-02T10:00:00Z'), repliesOff: true })
      .run();

    const held = collectHoldings(email);
    expect(held.commenter).toMatchObject({ provenAt: '2026-11-02T10:00:00.000Z', browsers: 0, replyEmailsOff: true, trust: 'auto' });
    expect(held.comments.map((c) => c.status).sort()).toEqual(['approved', 'spam']);
    expect(held.subscription).toMatchObject({
      status: 'confirmed',
      consent: { source: '/articles/x', at: '2026-11-01T09:00:00.000Z', confirmedAt: '2026-11-01T09:05:00.000Z' },
      sections: 'all',
    });
    expect(held.emails.map((e) => e.subject)).toEqual(['This week']);
    const document = holdingsDocument(held, { site: 'The Ledger' });
    expect(JSON.parse(JSON.stringify(document))).toMatchObject({
      email,
      format: 'the-ledger/my-data/v1',
      newsletter: { status: 'confirmed' },
    });
    expect(document.comments[0]).not.toHaveProperty('ipHash');
  });
});
