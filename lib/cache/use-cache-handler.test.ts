import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { RACE_MARGIN_MS } from './tag-clock.mjs';
// @ts-expect-error plain JavaScript module, loaded by Next outside the app bundle
import handler from './use-cache-handler.mjs';

// The `'use cache'` handler (lib/cache/use-cache-handler.mjs) on this test file's own SQLite
// database, driven the way Next drives it: set with a pending entry whose value is a stream,
// get with the soft tags of the request, tags revalidated through updateTags or by another
// process writing cache_invalidations.

type Entry = { value: ReadableStream<Uint8Array>; tags: string[]; stale: number; timestamp: number; expire: number; revalidate: number };
type Handler = {
  get(key: string, softTags: string[]): Promise<Entry | undefined>;
  set(key: string, pending: Promise<Entry>): Promise<void>;
  refreshTags(): Promise<void>;
  getExpiration(tags: string[]): Promise<number>;
  updateTags(tags: string[], durations?: { expire?: number }): Promise<void>;
};
const cache = handler as Handler;

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
    await cache.updateTags(['t-here']);
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
    await cache.updateTags(['t-race']);
    await cache.set('k-race', Promise.resolve(entry('maybe old', ['t-race'])));
    expect(await cache.get('k-race', [])).toBeUndefined();
  });

  it('checks the soft tags it is given, and reports their last revalidation for Next to compare', async () => {
    await cache.set('k-soft', Promise.resolve(entry('page data', ['t-soft'], { timestamp: Date.now() - 5 * RACE_MARGIN_MS })));
    expect(await cache.getExpiration(['_N_T_/never'])).toBe(0);
    await cache.updateTags(['_N_T_/soft-page']);
    expect(await cache.getExpiration(['_N_T_/soft-page', '_N_T_/never'])).toBeGreaterThan(Date.now());
    expect(await cache.get('k-soft', ['_N_T_/soft-page'])).toBeUndefined();
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
