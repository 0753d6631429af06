import { beforeAll, afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

// The purge queue against a real HTTP server playing the shared cache (it records each PURGE and
// answers as told) and a port where nothing listens, on this file's own SQLite database.
const { cachePort, downPort } = await vi.hoisted(async () => {
  const { freePortSync } = await import('../../test/support/ports');
  const port = freePortSync();
  // A port nothing listens on: connections are refused, as from a cache that is down.
  let down = freePortSync();
  while (down === port) down = freePortSync();
  process.env.CACHE_PURGE_URLS = `http://127.0.0.1:${port}/, http://127.0.0.1:${down}/`;
  process.env.CACHE_PURGE_SECRET = 'unit-test-purge-secret';
  return { cachePort: port, downPort: down };
});

import http from 'node:http';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { cachePurges } from '@/db/schema';
import { invalidateTags } from './tag-clock.mjs';
import { PURGE_ECHO_MS } from './purge-rules';
import { claimDuePurges, deliverDuePurges, purgeQueueStatus, recordPurgeOutcome } from './purges';

const CACHE = `http://127.0.0.1:${cachePort}/`;
const DOWN = `http://127.0.0.1:${downPort}/`;

const received: { method: string; tags: string[]; secret: string | undefined }[] = [];
let answer = 200;
let server: http.Server;

const rows = (target?: string) =>
  getDb()
    .select()
    .from(cachePurges)
    .where(target ? eq(cachePurges.target, target) : undefined)
    .orderBy(asc(cachePurges.tag))
    .all();

/** Moves every queued purge's invalidation `ms` into the past, as if that long had gone by. */
const age = (ms: number) =>
  getDb()
    .update(cachePurges)
    .set({ requestedAt: sql`${cachePurges.requestedAt} - ${ms}`, nextAttemptAt: sql`${cachePurges.nextAttemptAt} - ${ms}` })
    .run();

beforeAll(async () => {
  migrateDatabase();
  server = http.createServer((req, res) => {
    received.push({
      method: req.method ?? '',
      tags: String(req.headers['xkey-purge'] ?? '').split(' '),
      secret: req.headers['x-purge-secret'] as string | undefined,
    });
    res.statusCode = answer;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(cachePort, '127.0.0.1', resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  getDb().delete(cachePurges).run();
  received.length = 0;
  answer = 200;
});

describe('the purge queue', () => {
  it('queues each invalidated tag for every cache, with the invalidation, and leaves out what no cache holds', () => {
    invalidateTags(['article:one', 'listings', '_N_T_/admin/layout', 'listings']);
    expect(rows(CACHE).map((r) => r.tag)).toEqual(['article:one', 'listings']);
    expect(rows(DOWN).map((r) => r.tag)).toEqual(['article:one', 'listings']);
  });

  it('purges with the tags and the secret, deletes what a cache confirmed, and retries a cache that is down with backoff', async () => {
    invalidateTags(['article:two', 'sections']);
    // Long enough ago that no second send is owed (the next test is about that one).
    age(PURGE_ECHO_MS);
    const before = Date.now();
    await deliverDuePurges();

    expect(received).toEqual([{ method: 'PURGE', tags: ['article:two', 'sections'], secret: 'unit-test-purge-secret' }]);
    expect(rows(CACHE)).toEqual([]);
    const waiting = rows(DOWN);
    expect(waiting.map((r) => [r.tag, r.attempts, r.claimedAt])).toEqual([
      ['article:two', 1, null],
      ['sections', 1, null],
    ]);
    for (const row of waiting) {
      expect(row.nextAttemptAt).toBeGreaterThanOrEqual(before + 1000);
      expect(row.lastError).toBe(`${DOWN} could not be reached: connect ECONNREFUSED 127.0.0.1:${downPort}`);
    }
    const status = purgeQueueStatus();
    expect(status.map((s) => [s.target, s.waiting])).toEqual([
      [CACHE, 0],
      [DOWN, 2],
    ]);
    expect(status[1]!.lastError).toMatch(/could not be reached/);
    expect(status[1]!.mostAttempts).toBe(1);
    // A failure a moment ago is not yet late; a minute on, the dashboard says so.
    expect(status[1]!.late).toBe(false);
    expect(purgeQueueStatus(new Date(Date.now() + 61_000))[1]!.late).toBe(true);

    // Not due yet: a pass now leaves them alone.
    await deliverDuePurges();
    expect(rows(DOWN).every((r) => r.attempts === 1)).toBe(true);
  });

  it('purges each tag a second time a few seconds after its invalidation, then forgets it', async () => {
    invalidateTags(['article:echo']);
    await deliverDuePurges();
    const [echo] = rows(CACHE);
    // Confirmed once, and owed once more: a page fetched while the first was on its way may predate the change.
    expect(echo).toMatchObject({
      tag: 'article:echo',
      attempts: 0,
      claimedAt: null,
      lastError: null,
      nextAttemptAt: echo!.requestedAt + PURGE_ECHO_MS,
    });
    await deliverDuePurges();
    expect(received.filter((r) => r.tags.includes('article:echo'))).toHaveLength(1);
    // Confirmed once: the dashboard does not count it as owed.
    expect(purgeQueueStatus().find((s) => s.target === CACHE)!.waiting).toBe(0);

    age(PURGE_ECHO_MS);
    await deliverDuePurges();
    expect(received.filter((r) => r.tags.includes('article:echo'))).toHaveLength(2);
    expect(rows(CACHE)).toEqual([]);
  });

  it('keeps a purge the cache refused, with its answer, and sends it again once due', async () => {
    answer = 403;
    invalidateTags(['article:three']);
    await deliverDuePurges();
    const [refused] = rows(CACHE);
    expect(refused!.lastError).toBe(`${CACHE} answered 403 Forbidden`);

    answer = 200;
    getDb().update(cachePurges).set({ nextAttemptAt: Date.now() }).run();
    age(PURGE_ECHO_MS);
    await deliverDuePurges();
    expect(rows(CACHE)).toEqual([]);
    expect(received.filter((r) => r.tags.includes('article:three'))).toHaveLength(2);
  });

  it('holds one row per cache and tag however often it is invalidated, without resetting a backoff', () => {
    invalidateTags(['article:four']);
    getDb()
      .update(cachePurges)
      .set({ nextAttemptAt: Date.now() + 60_000, attempts: 3 })
      .run();
    const [before] = rows(CACHE);
    invalidateTags(['article:four']);
    invalidateTags(['article:four']);
    const after = rows(CACHE);
    expect(after).toHaveLength(1);
    expect(after[0]!.nextAttemptAt).toBe(before!.nextAttemptAt);
    expect(after[0]!.attempts).toBe(3);
    expect(after[0]!.requestedAt).toBeGreaterThanOrEqual(before!.requestedAt);
  });

  it('purges again a tag invalidated while its purge was in flight (the purge may have gone out before the change)', async () => {
    invalidateTags(['article:five']);
    const claim = claimDuePurges();
    const mine = claim.rows.filter((r) => r.target === CACHE);
    expect(mine).toHaveLength(1);
    // The change commits, and invalidates again, while the PURGE is on its way.
    await new Promise((resolve) => setTimeout(resolve, 5));
    invalidateTags(['article:five']);
    recordPurgeOutcome(mine, claim, { ok: true });
    const [again] = rows(CACHE);
    expect(again).toMatchObject({ tag: 'article:five', claimedAt: null, attempts: 0 });
    expect(again!.nextAttemptAt).toBeLessThanOrEqual(Date.now());

    age(PURGE_ECHO_MS);
    await deliverDuePurges();
    expect(rows(CACHE)).toEqual([]);
  });

  it('lets one process claim a purge at a time, and another take it over once the claimant has gone quiet', () => {
    invalidateTags(['article:six']);
    const first = claimDuePurges();
    expect(first.rows).toHaveLength(2);
    expect(claimDuePurges().rows).toEqual([]);
    const later = claimDuePurges(Date.now() + 61_000);
    expect(later.rows.map((r) => r.tag)).toEqual(['article:six', 'article:six']);
    // The first claimant's late answer no longer counts.
    recordPurgeOutcome(first.rows, first, { ok: true });
    expect(rows()).toHaveLength(2);
  });
});
