import fs from 'node:fs';
import { asc, count, eq, isNotNull } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { originalFile } from '@/lib/media/files';
import { getDb } from './index';
import { migrateDatabase } from './migrate';
import { articles, media, sections } from './schema';
import { seedDatabaseIfEmpty } from './seed';
import { SEED_UPLOADER, seedDemoImages } from './seed-images';

// Against this test file's own SQLite file and MEDIA_PATH (test/setup/fresh-database.ts).

function pictures() {
  return getDb()
    .select({
      slug: articles.slug,
      status: articles.status,
      section: sections.slug,
      imageId: articles.imageId,
      imageAlt: articles.imageAlt,
      imageCaption: articles.imageCaption,
      imageCredit: articles.imageCredit,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .orderBy(asc(articles.slug))
    .all();
}

const mediaCount = () => getDb().select({ n: count() }).from(media).get()?.n ?? 0;

describe('seedDemoImages', () => {
  let first: Awaited<ReturnType<typeof seedDemoImages>>;
  let firstMs: number;
  let before: ReturnType<typeof pictures>;

  beforeAll(async () => {
    migrateDatabase();
    // Nothing to illustrate in an empty database.
    expect(await seedDemoImages()).toEqual({ pictures: 0, articles: 0 });
    expect(mediaCount()).toBe(0);
    seedDatabaseIfEmpty(new Date('2026-03-10T14:37:21Z'));
    before = pictures();
    const started = performance.now();
    first = await seedDemoImages();
    firstMs = performance.now() - started;
  });

  it('draws one picture per section and gives it to every published demo article, quickly', () => {
    const published = before.filter((a) => a.status === 'published');
    expect(first).toEqual({ pictures: 6, articles: published.length });
    // It runs before every fresh e2e database serves its first request.
    expect(firstMs).toBeLessThan(5000);
  });

  it('stores the pictures as uploads: 1600 × 900 PNG files under MEDIA_PATH, credited, with alt text', async () => {
    const rows = getDb().select().from(media).all();
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row).toMatchObject({ format: 'png', width: 1600, height: 900, uploadedBy: SEED_UPLOADER, credit: 'Illustration: The Ledger' });
      expect(row.alt).toMatch(/^Abstract illustration: .{30,}\.$/);
      const file = originalFile(row.hash, row.format);
      expect(fs.existsSync(file)).toBe(true);
      expect(await sharp(file).metadata()).toMatchObject({ format: 'png', width: 1600, height: 900 });
    }
    expect(new Set(rows.map((r) => r.alt)).size).toBe(6);
  });

  it('gives each section its own picture, with its words, and leaves the draft alone', () => {
    const after = pictures();
    const bySection = new Map<string, Set<number | null>>();
    for (const a of after) {
      if (a.status !== 'published') {
        expect(a, a.slug).toMatchObject({ imageId: null, imageAlt: '', imageCaption: '', imageCredit: '' });
        continue;
      }
      expect(a.imageId, a.slug).not.toBeNull();
      expect(a.imageAlt, a.slug).toMatch(/^Abstract illustration: /);
      expect(a.imageCredit, a.slug).toBe('Illustration: The Ledger');
      expect(a.imageCaption.length, a.slug).toBeGreaterThan(10);
      bySection.set(a.section, (bySection.get(a.section) ?? new Set()).add(a.imageId));
    }
    expect(bySection.size).toBe(6);
    for (const [section, ids] of bySection) expect(ids.size, section).toBe(1);
    expect(new Set([...bySection.values()].flatMap((ids) => [...ids])).size).toBe(6);
    // Giving a demo article its picture is not an edit: its dates stay as the seed wrote them.
    expect(after.map((a) => a.updatedAt)).toEqual(before.map((a) => a.updatedAt));
  });

  it('does nothing the second time', async () => {
    const snapshot = pictures();
    expect(await seedDemoImages()).toEqual({ pictures: 0, articles: 0 });
    expect(pictures()).toEqual(snapshot);
    expect(mediaCount()).toBe(6);
  });

  it('leaves an editor’s choice alone: a picture removed from one article stays removed', async () => {
    const [one] = getDb().select({ id: articles.id }).from(articles).where(isNotNull(articles.imageId)).limit(1).all();
    getDb().update(articles).set({ imageId: null }).where(eq(articles.id, one!.id)).run();
    expect(await seedDemoImages()).toEqual({ pictures: 0, articles: 0 });
    expect(getDb().select({ imageId: articles.imageId }).from(articles).where(eq(articles.id, one!.id)).get()?.imageId).toBeNull();
  });

  it('draws the same bytes every time: drawn again, the pictures are the rows already stored', async () => {
    const hashes = getDb()
      .select({ hash: media.hash })
      .from(media)
      .orderBy(asc(media.hash))
      .all()
      .map((m) => m.hash);
    // Every article without a picture again, as in a fresh database: the same six hashes come back.
    getDb().update(articles).set({ imageId: null }).run();
    const again = await seedDemoImages();
    expect(again.pictures).toBe(6);
    expect(
      getDb()
        .select({ hash: media.hash })
        .from(media)
        .orderBy(asc(media.hash))
        .all()
        .map((m) => m.hash),
    ).toEqual(hashes);
  });
});
