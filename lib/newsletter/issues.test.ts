import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeResend } from '../../test/support/fake-resend';
import { deliverUntil } from '../../test/support/deliver-loop';

// Sending an issue, on a real SQLite file and through the real Resend SDK to the in-process fake
// Resend API. Delivery is started by the test (kickMailDelivery is switched off), so each step can
// be looked at; everything else is the code the server runs.

const fakeHolder = await vi.hoisted(async () => {
  const { startFakeResend } = await import('../../test/support/fake-resend');
  const fake = await startFakeResend();
  const saved = Object.fromEntries(
    ['RESEND_API_KEY', 'RESEND_BASE_URL', 'MAIL_RATE_PER_SECOND', 'MAIL_RETRY_BASE_MS', 'MAIL_SEND_TIMEOUT_MS'].map((k) => [
      k,
      process.env[k],
    ]),
  );
  Object.assign(process.env, {
    RESEND_API_KEY: 're_unit_test',
    RESEND_BASE_URL: fake.url,
    MAIL_RATE_PER_SECOND: '0',
    // Retries wait long enough that a test decides when they are due (by setting next_attempt_at).
    MAIL_RETRY_BASE_MS: '60000',
    MAIL_SEND_TIMEOUT_MS: '1500',
  });
  return { fake, saved };
});

vi.mock('@/lib/mail/deliver', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/mail/deliver')>()),
  kickMailDelivery: () => {},
}));

const { getDb } = await import('@/db');
const { migrateDatabase } = await import('@/db/migrate');
const { seedDatabaseIfEmpty } = await import('@/db/seed');
const { articles, emailOutbox, newsletterIssues, sections, subscriberSections, subscribers } = await import('@/db/schema');
const { claimDueEmails, deliverDueEmails } = await import('@/lib/mail/deliver');
const { handleResendEvent } = await import('@/lib/mail/webhooks');
const issues = await import('./issues');
const { issueVersion } = await import('./issue-version');
const { listPublicIssues, getPublicIssue } = await import('./archive');
const { unsubscribe } = await import('./subscriptions');

const {
  getIssue,
  getIssueProgress,
  getSentIssue,
  issueRecipientKey,
  listArticlesForComposer,
  listSentIssues,
  queueIssueRecipients,
  saveIssueDraft,
  sendTestIssue,
  startSendingIssue,
  tendSendingIssues,
} = issues;

const fake: FakeResend = fakeHolder.fake;
const db = () => getDb();

beforeAll(() => {
  migrateDatabase();
  seedDatabaseIfEmpty();
});

afterAll(async () => {
  await fake.close();
  for (const [k, v] of Object.entries(fakeHolder.saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

// Every test starts with no subscribers, nothing left to deliver and an empty fake mailbox.
beforeEach(() => {
  db().delete(subscribers).run();
  db()
    .update(emailOutbox)
    .set({ status: 'cancelled' })
    .where(inArray(emailOutbox.status, ['queued', 'sending']))
    .run();
  db().update(newsletterIssues).set({ status: 'sent' }).where(eq(newsletterIssues.status, 'sending')).run();
  fake.reset();
});

type Status = 'pending' | 'confirmed' | 'unsubscribed' | 'bounced' | 'complained';
let seq = 0;

/** Subscribers with unique addresses, confirmed a day ago unless told otherwise. */
function addSubscribers(
  n: number,
  {
    status = 'confirmed',
    confirmedAt = new Date(Date.now() - 86_400_000),
    label = 'r',
  }: { status?: Status; confirmedAt?: Date | null; label?: string } = {},
) {
  const now = new Date();
  const rows = Array.from({ length: n }, () => {
    const i = ++seq;
    return {
      email: `${label}-${i}-${randomBytes(3).toString('hex')}@example.com`,
      status,
      unsubscribeToken: randomBytes(32).toString('base64url'),
      confirmedAt: status === 'pending' ? null : confirmedAt,
      createdAt: now,
      updatedAt: now,
    };
  });
  const out: (typeof subscribers.$inferSelect)[] = [];
  for (let i = 0; i < rows.length; i += 200)
    out.push(
      ...db()
        .insert(subscribers)
        .values(rows.slice(i, i + 200))
        .returning()
        .all(),
    );
  return out;
}

function draft(subject = `Issue ${++seq}`) {
  const live = listArticlesForComposer();
  const articleIds = live.slice(0, 3).map((a) => a.id);
  const id = saveIssueDraft({ subject, intro: 'Good **morning**.', articleIds, actor: 'editor@ledger.example' });
  return getIssue(id!)!;
}

/** Starts sending the draft as it is now (as its sender previewed it). */
const send = (id: number, actor = 'admin@ledger.example') =>
  startSendingIssue({ id, actor, version: issueVersion(getIssue(id) ?? { subject: '', intro: '', articles: [] }) });

/** Starts a send and waits until every recipient has a queued row. */
async function startAndQueue(id: number) {
  expect(await send(id, 'admin@ledger.example')).toBe('started');
  await queueIssueRecipients(id);
  expect(getIssue(id)!.queuedAt).not.toBeNull();
}

const rowsOf = (issueId: number) =>
  db()
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.groupKey, `issue:${issueId}`))
    .all();
const emailsTo = (address: string) => fake.emails().filter((e) => e.to.includes(address));
const batchRequests = () => fake.requests().filter((r) => r.path === '/emails/batch' && r.status === 200);

/** Delivers and tends, as the server's sweep does, until the issue is sent (or 20 passes have been made). */
async function deliverAll(issueId: number) {
  await deliverUntil({
    deliver: deliverDueEmails,
    afterPass: tendSendingIssues,
    done: () => getIssue(issueId)!.status === 'sent',
    pauseMs: 100,
    maxPasses: 20,
  });
}

describe('who gets an issue', () => {
  it('only subscribers confirmed before the send started; never pending, unsubscribed, bounced or complained', async () => {
    const confirmed = addSubscribers(5);
    const others = (['pending', 'unsubscribed', 'bounced', 'complained'] as const).flatMap((status) =>
      addSubscribers(2, { status, label: status }),
    );
    const issue = draft();

    expect(await send(issue.id, 'admin@ledger.example')).toBe('started');
    // Confirmed after the send started (queuing is still going on): not a recipient of this issue.
    await new Promise((r) => setTimeout(r, 5));
    const late = addSubscribers(1, { confirmedAt: new Date(), label: 'late' });
    await queueIssueRecipients(issue.id);

    const recipients = rowsOf(issue.id)
      .map((r) => r.recipient)
      .sort();
    expect(recipients).toEqual(confirmed.map((s) => s.email).sort());
    for (const s of [...others, ...late]) expect(recipients).not.toContain(s.email);
    expect(getIssue(issue.id)).toMatchObject({ status: 'sending', recipientCount: 5, sentBy: 'admin@ledger.example' });

    await deliverAll(issue.id);
    expect(getIssue(issue.id)!.status).toBe('sent');
    for (const s of confirmed) expect(emailsTo(s.email)).toHaveLength(1);
    for (const s of [...others, ...late]) expect(emailsTo(s.email)).toHaveLength(0);
  });

  it("a section issue reaches that section's subscribers and those of every section; paused subscribers are skipped", async () => {
    const [politics, health] = db()
      .select({ id: sections.id, name: sections.name })
      .from(sections)
      .orderBy(sections.position)
      .limit(2)
      .all();
    const everySection = addSubscribers(2, { label: 'all' });
    const [ofPolitics, ofHealth, paused] = addSubscribers(3, { label: 'chose' });
    db()
      .update(subscribers)
      .set({ allSections: false })
      .where(inArray(subscribers.id, [ofPolitics!.id, ofHealth!.id]))
      .run();
    db()
      .insert(subscriberSections)
      .values([
        { subscriberId: ofPolitics!.id, sectionId: politics!.id },
        { subscriberId: ofHealth!.id, sectionId: health!.id },
      ])
      .run();
    db()
      .update(subscribers)
      .set({ pausedUntil: new Date(Date.now() + 86_400_000) })
      .where(eq(subscribers.id, paused!.id))
      .run();

    const draftIssue = draft();
    const id = saveIssueDraft({
      id: draftIssue.id,
      subject: draftIssue.subject,
      intro: draftIssue.intro,
      articleIds: draftIssue.articles.map((a) => a.id),
      sectionId: politics!.id,
      actor: 'editor@ledger.example',
    })!;
    const issue = getIssue(id)!;
    expect(issue).toMatchObject({ sectionId: politics!.id, audience: politics!.name });
    expect(issues.countIssueRecipients({ sectionId: politics!.id })).toBe(3);

    await startAndQueue(id);
    const recipients = rowsOf(id)
      .map((r) => r.recipient)
      .sort();
    expect(recipients).toEqual([...everySection, ofPolitics!].map((s) => s.email).sort());
    expect(getIssue(id)!.recipientCount).toBe(3);
    // The issue's section shows in the dashboard's list and in the archive.
    expect(issues.listIssues().find((i) => i.id === id)!.audience).toBe(politics!.name);
    await deliverAll(id);
    expect(listSentIssues().find((i) => i.id === id)!.audience).toBe(politics!.name);
    expect(getSentIssue(id)!.audience).toBe(politics!.name);
    expect(emailsTo(ofHealth!.email)).toHaveLength(0);
    expect(emailsTo(paused!.email)).toHaveLength(0);
    // Each copy links to the recipient's own subscription page.
    const [copy] = emailsTo(ofPolitics!.email);
    expect(copy!.text).toContain(`/newsletter/manage?token=${ofPolitics!.unsubscribeToken}`);
  });

  it('the audience is part of what was previewed: a draft moved to another section since is refused', async () => {
    const [politics] = db().select({ id: sections.id }).from(sections).orderBy(sections.position).limit(1).all();
    addSubscribers(1);
    const issue = draft();
    const previewed = issueVersion(issue);
    saveIssueDraft({
      id: issue.id,
      subject: issue.subject,
      intro: issue.intro,
      articleIds: issue.articles.map((a) => a.id),
      sectionId: politics!.id,
      actor: 'moderator@ledger.example',
    });
    expect(await startSendingIssue({ id: issue.id, actor: 'admin@ledger.example', version: previewed })).toBe('changed');
    expect(getIssue(issue.id)!.status).toBe('draft');
  });

  it('sends only the version that was previewed: a draft changed since is refused, and sent once reviewed', async () => {
    addSubscribers(1);
    const issue = draft();
    const previewed = issueVersion(issue);
    // A moderator edits the draft between the admin's preview and the admin's click.
    saveIssueDraft({
      id: issue.id,
      subject: 'Changed behind your back',
      intro: issue.intro,
      articleIds: issue.articles.map((a) => a.id),
      actor: 'moderator@ledger.example',
    });
    expect(await startSendingIssue({ id: issue.id, actor: 'admin@ledger.example', version: previewed })).toBe('changed');
    expect(getIssue(issue.id)).toMatchObject({ status: 'draft', sharedEmailId: null });
    expect(rowsOf(issue.id)).toEqual([]);
    // Seen again, it goes out.
    expect(await send(issue.id)).toBe('started');
    expect(getIssue(issue.id)!.status).toBe('sending');
  });

  it('a send can only start once, and only from a draft', async () => {
    addSubscribers(2);
    const issue = draft();
    expect(await send(issue.id, 'a@ledger.example')).toBe('started');
    expect(await send(issue.id, 'a@ledger.example')).toBe('not-draft');
    expect(await send(999_999, 'a@ledger.example')).toBe('not-draft');
    // A sent issue can no longer be edited.
    expect(
      saveIssueDraft({ id: issue.id, subject: 'Changed', intro: '', articleIds: [issue.articles[0]!.id], actor: 'a@ledger.example' }),
    ).toBeNull();
    await queueIssueRecipients(issue.id);
    expect(rowsOf(issue.id)).toHaveLength(2);
  });
});

describe('queuing', () => {
  it('queueIssueRecipients run again adds no rows', async () => {
    addSubscribers(30);
    const issue = draft();
    await startAndQueue(issue.id);
    const before = rowsOf(issue.id);
    expect(before).toHaveLength(30);

    await queueIssueRecipients(issue.id);
    await Promise.all([queueIssueRecipients(issue.id), queueIssueRecipients(issue.id), tendSendingIssues()]);
    // Even forced to start over from the first subscriber, it adds nothing: the keys are taken.
    db().update(newsletterIssues).set({ queuedAt: null, queuedThroughSubscriberId: 0 }).where(eq(newsletterIssues.id, issue.id)).run();
    await queueIssueRecipients(issue.id);
    const after = rowsOf(issue.id);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(new Set(after.map((r) => r.idempotencyKey)).size).toBe(30);
  });

  it('a queue cut short by a restart is completed by the sweep, with no duplicates', async () => {
    const subs = addSubscribers(1200);
    const issue = draft();
    await startAndQueue(issue.id);
    const full = rowsOf(issue.id);
    expect(full).toHaveLength(1200);

    // The state a crash after the first chunk of 500 leaves: rows for the first 500 subscribers
    // only, the high-water mark at the 500th, and queuing not finished.
    const cut = subs[499]!.id;
    const later = subs.slice(500).map((s) => issueRecipientKey(issue.id, s.id));
    for (let i = 0; i < later.length; i += 300)
      db()
        .delete(emailOutbox)
        .where(inArray(emailOutbox.idempotencyKey, later.slice(i, i + 300)))
        .run();
    db().update(newsletterIssues).set({ queuedAt: null, queuedThroughSubscriberId: cut }).where(eq(newsletterIssues.id, issue.id)).run();
    expect(rowsOf(issue.id)).toHaveLength(500);

    // The background sweep on the restarted server resumes it.
    await tendSendingIssues();
    const resumed = rowsOf(issue.id);
    expect(resumed).toHaveLength(1200);
    expect(new Set(resumed.map((r) => r.recipient)).size).toBe(1200);
    expect(resumed.map((r) => r.idempotencyKey).sort()).toEqual(subs.map((s) => issueRecipientKey(issue.id, s.id)).sort());
    expect(getIssue(issue.id)!.queuedAt).not.toBeNull();

    await deliverAll(issue.id);
    expect(getIssue(issue.id)!.status).toBe('sent');
    const delivered = fake.emails().filter((e) => e.subject === issue.subject);
    expect(delivered).toHaveLength(1200);
    expect(new Set(delivered.map((e) => e.to[0])).size).toBe(1200);
  });
});

describe('delivery', () => {
  it('120 recipients go as one batch of 100 and one of 20, each with their own unsubscribe link and list headers', async () => {
    const subs = addSubscribers(120);
    const issue = draft();
    await startAndQueue(issue.id);
    await deliverAll(issue.id);
    expect(getIssue(issue.id)!.status).toBe('sent');

    const batches = batchRequests();
    expect(batches.map((r) => (r.body as unknown[]).length).sort((a, b) => b - a)).toEqual([100, 20]);
    for (const r of batches) expect(r.headers['idempotency-key']).toMatch(/^batch\/[0-9a-f]{40}$/);
    expect(fake.requests().filter((r) => r.path === '/emails')).toHaveLength(0);

    const tokens = new Set(subs.map((s) => s.unsubscribeToken));
    for (const s of subs) {
      const got = emailsTo(s.email);
      expect(got, s.email).toHaveLength(1);
      const e = got[0]!;
      expect(e.subject).toBe(issue.subject);
      expect(e.from).toBe('The Ledger <newsroom@localhost>');
      expect(e.html).toContain(`http://localhost:3000/newsletter/unsubscribe?token=${s.unsubscribeToken}`);
      expect(e.text).toContain(`http://localhost:3000/newsletter/unsubscribe?token=${s.unsubscribeToken}`);
      expect(e.headers['List-Unsubscribe']).toBe(
        `<http://localhost:3000/api/newsletter/unsubscribe?token=${s.unsubscribeToken}>, <mailto:newsroom@localhost?subject=unsubscribe%20${s.unsubscribeToken}>`,
      );
      expect(e.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(e.headers['List-Id']).toBe('The Ledger newsletter <newsletter.localhost>');
      // Nobody else's token, and no placeholder left unfilled.
      const foreign = [...e.html.matchAll(/token=([A-Za-z0-9_-]{43})/g)].map((m) => m[1]).filter((t) => t !== s.unsubscribeToken);
      expect(foreign.filter((t) => tokens.has(t!))).toEqual([]);
      expect(`${e.html}${e.text}${JSON.stringify(e.headers)}`).not.toContain('__UNSUB_TOKEN__');
      // The articles, in order, and the web version.
      // (The plain-text part sets headings in capitals.)
      const positions = issue.articles.map((a) => e.text.toLowerCase().indexOf(a.title.toLowerCase()));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(e.html).toContain(`http://localhost:3000/newsletter/archive/${issue.id}`);
    }

    const rows = rowsOf(issue.id);
    expect(rows.every((r) => r.status === 'sent' && r.providerId && r.transport === 'resend')).toBe(true);
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual(subs.map((s) => `issue/${issue.id}/subscriber/${s.id}`).sort());
  });

  it('a test copy goes to the staff address alone, marked [Test]', async () => {
    addSubscribers(3);
    const issue = draft('Tuesday briefing');
    expect(await sendTestIssue({ id: issue.id, to: 'editor@ledger.example' })).toBe(true);
    await deliverDueEmails();
    expect(fake.emails()).toHaveLength(1);
    expect(fake.emails()[0]).toMatchObject({ to: ['editor@ledger.example'], subject: '[Test] Tuesday briefing' });
    expect(getIssue(issue.id)!.status).toBe('draft');
    expect(await sendTestIssue({ id: 999_999, to: 'editor@ledger.example' })).toBe(false);
  });

  it('a batch retried after a lost answer is the same request, so nobody gets two copies', async () => {
    // 300 recipients, and three one-off emails (sign-in links, say) due at the same time: the first
    // claim takes the three and 197 of the issue, sent as batches of 100 and 97. The 97 are
    // accepted by the provider but the answer comes after the client's time-out (1.5 s here), so
    // they are retried. The other 103 were held back (a 429's Retry-After, say) and are due again
    // together with the retry. Unless the retry re-sends exactly the same 97 rows, it is a new
    // request under a new Idempotency-Key, and those 97 people get the issue twice.
    const subs = addSubscribers(300);
    const issue = draft();
    await startAndQueue(issue.id);
    for (let i = 0; i < 3; i++) await sendTestIssue({ id: issue.id, to: `editor-${i}@ledger.example` });
    const rows = rowsOf(issue.id).sort((a, b) => a.id - b.id);
    const held = rows.slice(197).map((r) => r.id);
    const inDoubt = rows.slice(100, 197).map((r) => r.id);
    db()
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date(Date.now() + 3_600_000) })
      .where(inArray(emailOutbox.id, held))
      .run();

    const first = subs.find((s) => s.email === rows[100]!.recipient)!;
    fake.fail({ status: 200, count: 1, delayMs: 4000, match: first.email });
    await deliverDueEmails();
    expect(
      batchRequests()
        .map((r) => (r.body as unknown[]).length)
        .sort((a, b) => a - b),
    ).toEqual([97, 100]);
    const afterTimeout = db().select().from(emailOutbox).where(inArray(emailOutbox.id, inDoubt)).all();
    expect(afterTimeout).toHaveLength(97);
    expect(afterTimeout.every((r) => r.status === 'queued' && r.lastError?.startsWith('network'))).toBe(true);
    expect(emailsTo(first.email)).toHaveLength(1);

    // Both become due; the held rows first.
    db()
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date(Date.now() - 2000) })
      .where(inArray(emailOutbox.id, held))
      .run();
    db()
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(inArray(emailOutbox.id, inDoubt))
      .run();
    await deliverAll(issue.id);

    expect(getIssue(issue.id)!.status).toBe('sent');
    for (const s of subs) expect(emailsTo(s.email), s.email).toHaveLength(1);
    expect(batchRequests().every((r) => (r.body as unknown[]).length <= 100)).toBe(true);
  });
});

describe('batches', () => {
  it('are formed once, and a claim takes a batch whole even where its limit cuts through it', async () => {
    addSubscribers(120);
    const issue = draft();
    await startAndQueue(issue.id);
    fake.fail({ status: 503, count: 2 });
    await deliverDueEmails();
    const formed = rowsOf(issue.id);
    expect(formed.every((r) => r.status === 'queued' && r.batchKey)).toBe(true);
    const sizes = new Map<string, number>();
    for (const r of formed) sizes.set(r.batchKey!, (sizes.get(r.batchKey!) ?? 0) + 1);
    expect([...sizes.values()].sort((a, b) => a - b)).toEqual([20, 100]);

    db()
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(emailOutbox.groupKey, `issue:${issue.id}`))
      .run();
    const claimed = claimDueEmails(30);
    expect(new Set(claimed.map((r) => r.batchKey)).size).toBe(1);
    // The first due row is in the batch of 100 (queue order), so the claim holds all 100 of it.
    expect(claimed).toHaveLength(100);
    expect(claimed.every((r) => r.status === 'sending')).toBe(true);
  });
});

describe('progress', () => {
  it('counts sent, failed and remaining, and is done when every email is dealt with', async () => {
    const subs = addSubscribers(120);
    const issue = draft();
    await startAndQueue(issue.id);
    expect(getIssueProgress(issue.id)).toEqual({ recipients: 120, sent: 0, failed: 0, cancelled: 0, remaining: 120, done: false });

    // The batch holding the first subscriber is refused for good (422), the other goes.
    fake.fail({ status: 422, count: 1, match: subs[0]!.email });
    await deliverAll(issue.id);
    expect(fake.emails()).toHaveLength(20);
    expect(fake.emails().some((e) => e.to.includes(subs[0]!.email))).toBe(false);
    expect(getIssueProgress(issue.id)).toEqual({ recipients: 120, sent: 20, failed: 100, cancelled: 0, remaining: 0, done: true });
    expect(getIssue(issue.id)!.status).toBe('sent');
    expect(getIssueProgress(999_999)).toBeNull();
  });

  it('someone who unsubscribes mid-send gets nothing, and the send still reaches 100%', async () => {
    const subs = addSubscribers(150);
    const issue = draft();
    await startAndQueue(issue.id);
    const leaver = subs[120]!;
    expect(unsubscribe(leaver.unsubscribeToken)).toBe('unsubscribed');
    const row = rowsOf(issue.id).find((r) => r.recipient === leaver.email)!;
    expect(row.status).toBe('cancelled');

    // A permanent bounce reported meanwhile does the same.
    const bounced = subs[5]!;
    handleResendEvent({
      messageId: `msg_${++seq}`,
      payload: { type: 'email.bounced', data: { to: [bounced.email], bounce: { type: 'Permanent' } } },
    });

    await deliverAll(issue.id);
    expect(emailsTo(leaver.email)).toHaveLength(0);
    expect(emailsTo(bounced.email)).toHaveLength(0);
    expect(fake.emails()).toHaveLength(148);
    expect(getIssueProgress(issue.id)).toEqual({ recipients: 150, sent: 148, failed: 0, cancelled: 2, remaining: 0, done: true });
  });

  it('reaches 100% when someone leaves after the send started but before their email was queued', async () => {
    // Queuing goes 500 subscribers a transaction; this one is in the second chunk.
    const subs = addSubscribers(520);
    const issue = draft();
    expect(await send(issue.id, 'admin@ledger.example')).toBe('started');
    const leaver = subs[510]!;
    expect(rowsOf(issue.id).some((r) => r.recipient === leaver.email)).toBe(false);
    expect(unsubscribe(leaver.unsubscribeToken)).toBe('unsubscribed');
    await queueIssueRecipients(issue.id);
    expect(rowsOf(issue.id)).toHaveLength(519);

    await deliverAll(issue.id);
    expect(emailsTo(leaver.email)).toHaveLength(0);
    const progress = getIssueProgress(issue.id)!;
    expect(progress.remaining).toBe(0);
    expect(progress.sent + progress.failed + progress.cancelled).toBe(progress.recipients);
    expect(progress.done).toBe(true);
  });
});

describe('archive', () => {
  it('lists only issues that have gone out, newest first, with public fields only', async () => {
    addSubscribers(2);
    const unsent = draft('Still a draft');
    const first = draft('First sent');
    await startAndQueue(first.id);
    await deliverAll(first.id);
    await new Promise((r) => setTimeout(r, 5));
    const second = draft('Second sent');
    await startAndQueue(second.id);
    await deliverAll(second.id);

    const listed = listSentIssues();
    const ids = listed.map((i) => i.id);
    expect(ids).not.toContain(unsent.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    for (const i of listed) expect(Object.keys(i).sort()).toEqual(['audience', 'id', 'sentAt', 'subject']);
    expect(listed.find((i) => i.id === first.id)!.audience).toBeNull();
    expect(await listPublicIssues()).toEqual(listed);

    expect(getSentIssue(unsent.id)).toBeNull();
    expect(await getPublicIssue({ id: unsent.id })).toBeNull();
    expect(getSentIssue(999_999)).toBeNull();
    const web = getSentIssue(second.id)!;
    expect(web).toMatchObject({ id: second.id, subject: 'Second sent' });
    expect(web.introHtml).toContain('<strong>morning</strong>');
    expect(web.articles.map((a) => a.slug)).toEqual(second.articles.map((a) => a.slug));
    expect(Object.keys(web).sort()).toEqual(['articles', 'audience', 'id', 'introHtml', 'sentAt', 'subject']);
    expect(JSON.stringify(web)).not.toContain('ledger.example');
  });

  it('the web version keeps the order the editor chose', () => {
    const live = listArticlesForComposer();
    const order = [live[3]!.id, live[0]!.id, live[2]!.id];
    const id = saveIssueDraft({ subject: 'Ordered', intro: '', articleIds: order, actor: 'e@ledger.example' })!;
    expect(getIssue(id)!.articles.map((a) => a.id)).toEqual(order);
    db().update(newsletterIssues).set({ status: 'sent', sendStartedAt: new Date() }).where(eq(newsletterIssues.id, id)).run();
    expect(getSentIssue(id)!.articles.map((a) => a.slug)).toEqual(getIssue(id)!.articles.map((a) => a.slug));
  });

  it('the composer offers the articles a draft already holds, even older than the newest it lists', () => {
    const newest = listArticlesForComposer({ limit: 3 }).map((a) => a.id);
    const older = listArticlesForComposer()
      .map((a) => a.id)
      .at(-1)!;
    expect(newest).toHaveLength(3);
    expect(newest).not.toContain(older);
    const offered = listArticlesForComposer({ limit: 3, include: [newest[0]!, older] }).map((a) => a.id);
    expect(offered).toEqual([...newest, older]);
  });

  it('the web version leaves out an article taken down after the issue went out', () => {
    const live = listArticlesForComposer();
    const [kept, withdrawn] = [live[5]!, live[6]!];
    const id = saveIssueDraft({ subject: 'Later withdrawn', intro: '', articleIds: [kept.id, withdrawn.id], actor: 'e@ledger.example' })!;
    db().update(newsletterIssues).set({ status: 'sent', sendStartedAt: new Date() }).where(eq(newsletterIssues.id, id)).run();
    const [keptSlug] = getIssue(id)!.articles.map((a) => a.slug);
    expect(getSentIssue(id)!.articles).toHaveLength(2);
    db().update(articles).set({ status: 'draft' }).where(eq(articles.id, withdrawn.id)).run();
    try {
      expect(getSentIssue(id)!.articles.map((a) => a.slug)).toEqual([keptSlug]);
      // The issue itself still lists both: the dashboard shows what was sent.
      expect(getIssue(id)!.articles).toHaveLength(2);
    } finally {
      db().update(articles).set({ status: 'published' }).where(eq(articles.id, withdrawn.id)).run();
    }
  });
});
