import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { cacheInvalidations } from '@/db/schema';
import { invalidateCacheTags } from './invalidate';

beforeAll(() => migrateDatabase());

describe('invalidateCacheTags', () => {
  it('records each tag in the database for every process, outside a request too, and never moves a time back', () => {
    const at = (tag: string) => getDb().select().from(cacheInvalidations).where(eq(cacheInvalidations.tag, tag)).get()?.invalidatedAt;
    const before = Date.now();
    invalidateCacheTags(['article:one', 'articles']);
    expect(at('article:one')).toBeGreaterThanOrEqual(before);
    expect(at('articles')).toBe(at('article:one'));
    getDb()
      .update(cacheInvalidations)
      .set({ invalidatedAt: before + 60_000 })
      .where(eq(cacheInvalidations.tag, 'articles'))
      .run();
    invalidateCacheTags(['articles']);
    expect(at('articles')).toBe(before + 60_000);
  });
});
