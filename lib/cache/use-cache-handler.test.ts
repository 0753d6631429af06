import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { invalidateTags, RACE_MARGIN_MS } from './tag-clock.mjs';
import cache from './use-cache-handler.mjs';

// The `'use cache'` handler (lib/cache/use-cache-handler.mjs) on this test file's own SQLite
// database, driven the way Next drives it: set with a pending entry whose value is a stream, get
// with the soft tags of the request; tags invalidated in this process (as the page cache handler
// does when Next revalidates a tag, and lib/cache/invalidate.ts after every write) or by another
// process writing cache_invalidations.

type Entry = { value: ReadableStream<Uint8Array>; tags: string[]; stale: number; timestamp: number; expire: number; revalidate: number };

const streamOf = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
const entry = (text: string, tags: string[], over: Partial<Entry> = {}): Entry => ({
  value: streamOf(text),
  tags,
  stale: 300,
  timestamp: Date.now(),
  expire: 86_400,
  revalidate: 3600,
  ...over,
});
const textOf = async (found: Entry | undefined) => (found ? new Response(found.value).text() : undefined);
/** What another server process does when it invalidates a tag: a row in the shared table, nothing in this process. */
const invalidateElsewhere = (tag: string, at = Date.now()) =>
  getDb().run(sql`INSERT INTO cache_invalidations (tag, invalidated_at) VALUES (${tag}, ${at})
    ON CONFLICT(tag) DO UPDATE SET invalidated_at = excluded.invalidated_at`);
const afterSync = () => new Promise((resolve) => setTimeout(resolve, 250));

beforeAll(() => migrateDatabase());

describe("the 'use cache' handler", () => {
  it('keeps what was set and gives a fresh stream on every get', async () => {
    await cache.set('k-roundtrip', Promise.resolve(entry('hello', ['t-roundtrip'])));
    expect(await textOf(await cache.get('k-roundtrip', []))).toBe('hello');
    expect(await textOf(await cache.get('k-roundtrip', []))).toBe('hello');
    expect(await cache.get('k-never-set', [])).toBeUndefined();
  });

  it('makes a get wait for a set still in progress instead of missing', async () => {
    let finish: (e: Entry) => void = () => {};
    const setting = cache.set('k-pending', new Promise<Entry>((resolve) => (finish = resolve)));
    const reading = cache.get('k-pending', []);
    finish(entry('late', ['t-pending']));
    await setting;
    expect(await textOf(await reading)).toBe('late');
  });

  it('drops an entry once one of its tags is revalidated, here or in another process', async () => {
    await cache.set('k-here', Promise.resolve(entry('v1', ['t-here', 't-other'], { timestamp: Date.now() - 5 * RACE_MARGIN_MS })));
    invalidateTags(['t-here']);
    expect(await cache.get('k-here', [])).toBeUndefined();

    await cache.set('k-there', Promise.resolve(entry('v1', ['t-there'], { timestamp: Date.now() - 5 * RACE_MARGIN_MS })));
    invalidateElsewhere('t-there');
    await afterSync();
    await cache.refreshTags();
    expect(await cache.get('k-there', [])).toBeUndefined();
  });

  it('keeps an entry made well after its tags were last revalidated', async () => {
    invalidateElsewhere('t-old', Date.now() - 10 * RACE_MARGIN_MS);
    await afterSync();
    await cache.refreshTags();
    await cache.set('k-old', Promise.resolve(entry('kept', ['t-old'])));
    expect(await textOf(await cache.get('k-old', []))).toBe('kept');
  });

  it('treats an entry made just after a revalidation as stale (a render may have read before it)', async () => {
    invalidateTags(['t-race']);
    await cache.set('k-race', Promise.resolve(entry('maybe old', ['t-race'])));
    expect(await cache.get('k-race', [])).toBeUndefined();
  });

  it('checks the soft tags it is given itself, on the same clock as the entry tags', async () => {
    await cache.set('k-soft', Promise.resolve(entry('page data', ['t-soft'], { timestamp: Date.now() - 5 * RACE_MARGIN_MS })));
    expect(await cache.getExpiration(['_N_T_/soft-page'])).toBe(Infinity);
    expect(await textOf(await cache.get('k-soft', ['_N_T_/soft-page']))).toBe('page data');
    invalidateTags(['_N_T_/soft-page']);
    expect(await cache.get('k-soft', ['_N_T_/soft-page']), 'a page path revalidated').toBeUndefined();
  });

  it('leaves recording an invalidation to the page cache handler, so it is written once', async () => {
    await cache.set('k-once', Promise.resolve(entry('kept', ['t-once'], { timestamp: Date.now() - 5 * RACE_MARGIN_MS })));
    await cache.updateTags(['t-once']);
    expect(getDb().all(sql`SELECT tag FROM cache_invalidations WHERE tag = 't-once'`)).toEqual([]);
  });

  it('waits for the newest of two sets of one key', async () => {
    let finishFirst: (e: Entry) => void = () => {};
    let finishSecond: (e: Entry) => void = () => {};
    const first = cache.set('k-twice', new Promise<Entry>((resolve) => (finishFirst = resolve)));
    const second = cache.set('k-twice', new Promise<Entry>((resolve) => (finishSecond = resolve)));
    finishFirst(entry('first', ['t-twice']));
    await first;
    const reading = cache.get('k-twice', []);
    finishSecond(entry('second', ['t-twice']));
    await second;
    expect(await textOf(await reading)).toBe('second');
  });

  it('lets the least recently used entries go past its size bound, keeping one just read', async () => {
    const megabyte = 'x'.repeat(1024 * 1024);
    await cache.set('k-lru-first', Promise.resolve(entry(megabyte, ['t-lru'])));
    await cache.set('k-lru-second', Promise.resolve(entry(megabyte, ['t-lru'])));
    for (let i = 0; i < 70; i++) {
      // Reading the first keeps it at the recent end; the second is never read again.
      expect(await textOf(await cache.get('k-lru-first', []))).toBe(megabyte);
      await cache.set(`k-lru-${i}`, Promise.resolve(entry(megabyte, ['t-lru'])));
    }
    expect(await cache.get('k-lru-second', [])).toBeUndefined();
    expect(await textOf(await cache.get('k-lru-first', []))).toBe(megabyte);
    expect(await cache.get('k-lru-0', []), 'the oldest filler').toBeUndefined();
    expect(await textOf(await cache.get('k-lru-69', []))).toBe(megabyte);
  });

  it('lets an entry go once its revalidate time has passed, and keeps none that expires at once', async () => {
    await cache.set('k-aged', Promise.resolve(entry('aged', ['t-aged'], { timestamp: Date.now() - 3601_000 })));
    expect(await cache.get('k-aged', [])).toBeUndefined();
    await cache.set('k-dynamic', Promise.resolve(entry('dynamic', ['t-dynamic'], { expire: 0 })));
    expect(await cache.get('k-dynamic', [])).toBeUndefined();
  });

  it('keeps nothing of a value whose stream failed part way', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('half'));
        controller.error(new Error('render failed'));
      },
    });
    await cache.set('k-broken', Promise.resolve(entry('', ['t-broken'], { value: broken })));
    expect(await cache.get('k-broken', [])).toBeUndefined();
  });
});
