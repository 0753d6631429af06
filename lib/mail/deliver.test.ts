import { spawn } from 'node:child_process';
import path from 'node:path';
import { count, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// The deliverer against the real Resend SDK talking to the fake Resend API of the e2e suite, run in
// this process. lib/env reads the environment once, when first imported, so the fake starts and
// the variables are set here, before any import below runs (vi.hoisted runs first).
const fake = await vi.hoisted(async () => {
  const { startFakeResend } = await import('../../test/support/fake-resend');
  const started = await startFakeResend();
  Object.assign(process.env, {
    RESEND_API_KEY: 're_unit_test_key',
    RESEND_BASE_URL: started.url,
    MAIL_FROM: 'The Ledger <newsroom@ledger.example>',
    MAIL_RETRY_BASE_MS: '1000',
    MAIL_SEND_TIMEOUT_MS: '1000',
    // Lifted, except in the test of the limit itself.
    MAIL_RATE_PER_SECOND: '0',
  });
  return started;
});

const { getDb } = await import('@/db');
const { emailOutbox, mailRate } = await import('@/db/schema');
const { migrateDatabase } = await import('@/db/migrate');
const { env } = await import('@/lib/env');
const { enqueueEmail } = await import('./outbox');
const { claimDueEmails, deliverDueEmails, kickMailDelivery } = await import('./deliver');

const ROOT = path.resolve(import.meta.dirname, '../..');
let counter = 0;
/** A fresh recipient per test, so the fake's records and failures never mix between tests. */
const newAddress = () => `deliver-${Date.now().toString(36)}-${++counter}@example.net`;

function enqueue(to: string, headers: Record<string, string> = {}): number {
  return getDb().transaction(
    (tx) => enqueueEmail(tx, { kind: 'test', to, subject: `Hello ${to}`, html: `<p>Hello ${to}</p>`, text: `Hello ${to}`, headers }),
    {
      behavior: 'immediate',
    },
  ).id;
}

const row = (id: number) => getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!;
const makeDue = (id: number) =>
  getDb()
    .update(emailOutbox)
    .set({ nextAttemptAt: new Date(Date.now() - 1) })
    .where(eq(emailOutbox.id, id))
    .run();
/** Forgets when the last email left, so the shared rate starts afresh. */
const resetRate = () => getDb().delete(mailRate).run();

const requestsTo = (to: string) => fake.requests().filter((r) => JSON.stringify(r.body ?? '').includes(to));
const emailsTo = (to: string) => fake.emails().filter((e) => e.to.includes(to));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => migrateDatabase());
afterAll(() => fake.close());
beforeEach(() => {
  // Emails of earlier tests may still be queued for a retry; they must not be sent by this one.
  getDb()
    .update(emailOutbox)
    .set({ status: 'cancelled' })
    .where(inArray(emailOutbox.status, ['queued', 'sending']))
    .run();
});

describe('deliverDueEmails through the Resend SDK', () => {
  it('sends a queued email once, with Idempotency-Key outbox/<id>, and records the provider id', async () => {
    const to = newAddress();
    const id = enqueue(to, { 'List-Id': 'The Ledger newsletter <newsletter.localhost>' });

    expect(await deliverDueEmails()).toEqual({ sent: 1, retry: 0, failed: 0 });

    const [request] = requestsTo(to);
    expect(request).toMatchObject({ method: 'POST', path: '/emails', status: 200 });
    expect(request!.headers['idempotency-key']).toBe(`outbox/${id}`);
    expect(request!.headers.authorization).toBe('Bearer re_unit_test_key');
    const [email] = emailsTo(to);
    expect(email).toMatchObject({
      from: 'The Ledger <newsroom@ledger.example>',
      to: [to],
      subject: `Hello ${to}`,
      html: `<p>Hello ${to}</p>`,
      text: `Hello ${to}`,
      headers: { 'List-Id': 'The Ledger newsletter <newsletter.localhost>' },
      idempotencyKey: `outbox/${id}`,
    });
    expect(row(id)).toMatchObject({ status: 'sent', attempts: 1, providerId: email!.id, transport: 'resend', lastError: null });

    // Nothing is due any more: a second pass sends nothing.
    expect(await deliverDueEmails()).toEqual({ sent: 0, retry: 0, failed: 0 });
    expect(requestsTo(to)).toHaveLength(1);
  });

  it('keeps delivering after a pass that found nothing to send', async () => {
    // A pass with nothing due must not leave a settled run behind for every later call to return
    // without sending anything.
    expect(await deliverDueEmails()).toEqual({ sent: 0, retry: 0, failed: 0 });
    expect(await deliverDueEmails()).toEqual({ sent: 0, retry: 0, failed: 0 });
    const to = newAddress();
    const id = enqueue(to);
    expect(await deliverDueEmails()).toEqual({ sent: 1, retry: 0, failed: 0 });
    expect(row(id).status).toBe('sent');
  });

  it('kickMailDelivery sends at once outside a request (no after())', async () => {
    const to = newAddress();
    const id = enqueue(to);
    kickMailDelivery();
    await vi.waitFor(() => expect(row(id).status).toBe('sent'), { timeout: 10_000 });
    expect(emailsTo(to)).toHaveLength(1);
  });

  it('retries after a 500, later, with the same key, and delivers once', async () => {
    const to = newAddress();
    const id = enqueue(to);
    fake.fail({ status: 500, count: 1, match: to });

    const before = Date.now();
    expect(await deliverDueEmails()).toEqual({ sent: 0, retry: 1, failed: 0 });
    const failed = row(id);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
    expect(failed.lastError).toMatch(/^500: /);
    // Attempt 1 with a 1 s base: the full-jitter window is exactly one second here.
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 1000);

    // Not due yet: nothing is sent.
    expect(await deliverDueEmails()).toEqual({ sent: 0, retry: 0, failed: 0 });
    expect(requestsTo(to)).toHaveLength(1);

    makeDue(id);
    expect(await deliverDueEmails()).toEqual({ sent: 1, retry: 0, failed: 0 });
    const requests = requestsTo(to);
    expect(requests.map((r) => r.status)).toEqual([500, 200]);
    expect(new Set(requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set([`outbox/${id}`]));
    expect(emailsTo(to)).toHaveLength(1);
    expect(row(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('waits at least Retry-After (2 s) after a 429 before trying again', async () => {
    const to = newAddress();
    const id = enqueue(to);
    fake.fail({ status: 429, count: 1, retryAfter: 2, match: to });

    const before = Date.now();
    expect(await deliverDueEmails()).toEqual({ sent: 0, retry: 1, failed: 0 });
    const limited = row(id);
    expect(limited.status).toBe('queued');
    expect(limited.lastError).toMatch(/^429: /);
    expect(limited.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(2000);

    // Passes before the time is up send nothing.
    await sleep(500);
    expect(await deliverDueEmails()).toEqual({ sent: 0, retry: 0, failed: 0 });
    expect(requestsTo(to)).toHaveLength(1);

    await sleep(Math.max(0, limited.nextAttemptAt.getTime() - Date.now()) + 20);
    expect(await deliverDueEmails()).toEqual({ sent: 1, retry: 0, failed: 0 });
    const [first, second] = requestsTo(to);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(2000);
    expect(emailsTo(to)).toHaveLength(1);
  });

  it('after a 429, holds every email (not only that one) until Retry-After has passed', async () => {
    const limitedTo = newAddress();
    enqueue(limitedTo);
    fake.fail({ status: 429, count: 1, retryAfter: 2, match: limitedTo });
    expect(await deliverDueEmails()).toEqual({ sent: 0, retry: 1, failed: 0 });
    const [limited] = requestsTo(limitedTo);

    const otherTo = newAddress();
    enqueue(otherTo);
    // (By the time the pause is over, the limited email may be due again and go out too.)
    expect((await deliverDueEmails()).sent).toBeGreaterThanOrEqual(1);
    const [other] = requestsTo(otherTo);
    expect(other!.status).toBe(200);
    expect(other!.at - limited!.at).toBeGreaterThanOrEqual(2000);
  });

  it('fails a 422 at once and never tries it again', async () => {
    const to = newAddress();
    const id = enqueue(to);
    fake.fail({ status: 422, count: 1, match: to });

    expect(await deliverDueEmails()).toEqual({ sent: 0, retry: 0, failed: 1 });
    const failed = row(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/permanent error 422/);

    makeDue(id);
    expect(await deliverDueEmails()).toEqual({ sent: 0, retry: 0, failed: 0 });
    expect(requestsTo(to)).toHaveLength(1);
    expect(emailsTo(to)).toHaveLength(0);
  });

  it('gives up on a hung request after MAIL_SEND_TIMEOUT_MS and retries it with the same key', async () => {
    const to = newAddress();
    const id = enqueue(to);
    fake.fail({ status: 500, count: 1, hang: true, match: to });

    const started = Date.now();
    expect(await deliverDueEmails()).toEqual({ sent: 0, retry: 1, failed: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(10_000);
    const timedOut = row(id);
    expect(timedOut).toMatchObject({ status: 'queued', attempts: 1 });
    expect(timedOut.lastError).toMatch(/^network: no answer within 1000 ms/);

    makeDue(id);
    expect(await deliverDueEmails()).toEqual({ sent: 1, retry: 0, failed: 0 });
    const requests = requestsTo(to);
    expect(requests.map((r) => r.status)).toEqual([0, 200]);
    expect(requests.map((r) => r.headers['idempotency-key'])).toEqual([`outbox/${id}`, `outbox/${id}`]);
    expect(emailsTo(to)).toHaveLength(1);
  });

  it('recovers a row whose process died after the provider accepted it: same key, one email', async () => {
    const to = newAddress();
    const id = enqueue(to);
    expect(await deliverDueEmails()).toEqual({ sent: 1, retry: 0, failed: 0 });
    const providerId = row(id).providerId;

    // What a crash between the provider's answer and the UPDATE leaves behind.
    const crashed = (claimedAgoMs: number) =>
      getDb()
        .update(emailOutbox)
        .set({
          status: 'sending',
          claimToken: 'dead-process',
          claimedAt: new Date(Date.now() - claimedAgoMs),
          providerId: null,
          sentAt: null,
        })
        .where(eq(emailOutbox.id, id))
        .run();

    // Within its lease the row still belongs to the (maybe slow) process that claimed it.
    crashed(60_000);
    expect(await deliverDueEmails()).toEqual({ sent: 0, retry: 0, failed: 0 });
    expect(row(id).status).toBe('sending');

    crashed(env.MAIL_SENDING_LEASE_MS + 1000);
    expect(await deliverDueEmails()).toEqual({ sent: 1, retry: 0, failed: 0 });
    const requests = requestsTo(to);
    expect(requests).toHaveLength(2);
    expect(requests.map((r) => r.headers['idempotency-key'])).toEqual([`outbox/${id}`, `outbox/${id}`]);
    expect(emailsTo(to)).toHaveLength(1);
    expect(row(id)).toMatchObject({ status: 'sent', providerId, attempts: 2 });
  });

  it('holds the sending rate shared through the database (10 a second: 20 emails take about 2 s)', async () => {
    const to = newAddress();
    for (let i = 0; i < 20; i++) enqueue(to.replace('@', `+${i}@`));
    resetRate();
    env.MAIL_RATE_PER_SECOND = 10;
    try {
      const started = Date.now();
      expect(await deliverDueEmails()).toEqual({ sent: 20, retry: 0, failed: 0 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1800);
    } finally {
      env.MAIL_RATE_PER_SECOND = 0;
    }
    const times = fake
      .requests()
      .filter((r) => JSON.stringify(r.body).includes(to.split('@')[0]!))
      .map((r) => r.at)
      .sort((a, b) => a - b);
    expect(times).toHaveLength(20);
    // No second holds more than 10 (+1 for the edges of the window) requests.
    for (let i = 0; i + 11 < times.length; i++) expect(times[i + 11]! - times[i]!).toBeGreaterThanOrEqual(1000);
  });
});

describe('two deliverers on one database', () => {
  it('never claim one row twice', () => {
    const to = newAddress();
    for (let i = 0; i < 5; i++) enqueue(to.replace('@', `+${i}@`));
    const first = claimDueEmails(3);
    const second = claimDueEmails(3);
    expect(first).toHaveLength(3);
    expect(second).toHaveLength(2);
    expect(new Set([...first, ...second].map((r) => r.id)).size).toBe(5);
    expect(claimDueEmails(3)).toEqual([]);
  });

  it('send each email exactly once when two processes deliver at the same time, and share the rate', async () => {
    const tag = `pair-${Date.now().toString(36)}`;
    // 800 emails at 200 a second between them: about four seconds, so both processes get claims
    // (a claim is at most 200 rows) even when one starts late on a busy machine.
    const total = 800;
    resetRate();
    const ids = Array.from({ length: total }, (_, i) => enqueue(`${tag}+${i}@example.net`));

    const start = () => {
      const child = spawn(
        process.execPath,
        [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'test/support/run-deliverer.ts'],
        {
          cwd: ROOT,
          env: { ...process.env, MAIL_RATE_PER_SECOND: '200' },
          stdio: ['pipe', 'pipe', 'inherit'],
        },
      );
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const ready = new Promise<void>((resolve) => {
        const check = () => (out.includes('ready\n') ? resolve() : child.stdout.once('data', check));
        check();
      });
      const done = new Promise<{ sent: number; retry: number; failed: number }>((resolve, reject) =>
        child.on('exit', (code) =>
          code === 0 ? resolve(JSON.parse(out.split('\n').filter(Boolean).at(-1)!)) : reject(new Error(`deliverer exited with ${code}`)),
        ),
      );
      return { child, ready, done };
    };

    const a = start();
    const b = start();
    await Promise.all([a.ready, b.ready]);
    a.child.stdin.write('go\n');
    b.child.stdin.write('go\n');
    const [reportA, reportB] = await Promise.all([a.done, b.done]);

    expect(reportA.sent + reportB.sent).toBe(total);
    // Both took part: the claims interleaved rather than one process doing everything.
    expect(reportA.sent).toBeGreaterThan(0);
    expect(reportB.sent).toBeGreaterThan(0);

    const requests = fake.requests().filter((r) => JSON.stringify(r.body).includes(tag));
    expect(requests).toHaveLength(total);
    // The rate held across both: 800 sends at 200 a second span at least ~4 s.
    const times = requests.map((r) => r.at).sort((x, y) => x - y);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(3600);
    const keys = requests.map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(total);
    expect(new Set(keys)).toEqual(new Set(ids.map((id) => `outbox/${id}`)));
    expect(fake.emails().filter((e) => e.subject.includes(tag))).toHaveLength(total);
    const statuses = getDb()
      .select({ status: emailOutbox.status, n: count() })
      .from(emailOutbox)
      .where(like(emailOutbox.recipient, `${tag}%`))
      .groupBy(emailOutbox.status)
      .all();
    expect(statuses).toEqual([{ status: 'sent', n: total }]);
  }, 90_000);
});
