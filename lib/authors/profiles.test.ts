import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { articleAuthors, articles, authors, cacheInvalidations, media, moderationLog } from '@/db/schema';
import { seedDatabaseIfEmpty } from '@/db/seed';
import { getAuthorPage } from '@/lib/articles/queries';
import { authorFormSchema, getAuthorProfile, saveAuthorProfile } from './profiles';

beforeAll(async () => {
  migrateDatabase();
  await seedDatabaseIfEmpty();
});

const jo = { email: 'jo@ledger.example' };
const invalidated = () =>
  new Set(
    getDb()
      .select({ tag: cacheInvalidations.tag })
      .from(cacheInvalidations)
      .all()
      .map((r) => r.tag),
  );
const form = (fields: Record<string, string>) => authorFormSchema.parse({ role: '', bio: '', photoId: '', ...fields });

describe('author profiles', () => {
  it('a bio and photo change only the author page; the photo is shown there', async () => {
    const author = getDb().select().from(authors).get()!;
    const picture = getDb()
      .insert(media)
      .values({ hash: 'a'.repeat(64), format: 'jpeg', width: 800, height: 800, bytes: 1000, originalName: 'portrait.jpg' })
      .returning()
      .get();
    getDb().delete(cacheInvalidations).run();
    const result = saveAuthorProfile(
      form({ id: String(author.id), name: author.name, role: author.role, bio: 'Covers councils.', photoId: String(picture.id) }),
      jo,
    );
    expect(result).toEqual({ ok: true });
    expect([...invalidated()]).toEqual([`author:${author.slug}`]);
    expect(getAuthorProfile(author.id)).toMatchObject({ bio: 'Covers councils.', photo: { id: picture.id, hash: picture.hash } });
    const page = await getAuthorPage({ slug: author.slug, page: 1 });
    expect(page?.author).toMatchObject({ bio: 'Covers councils.', photo: { hash: picture.hash, width: picture.width } });
    const log = getDb().select().from(moderationLog).orderBy(desc(moderationLog.id)).get()!;
    expect(log).toMatchObject({ actor: jo.email, action: 'author-edit', detail: `${author.name} (/author/${author.slug})` });
  });

  it('a new byline name refreshes every article it is on and the lists showing them', () => {
    const author = getDb().select().from(authors).get()!;
    const bylined = getDb()
      .select({ slug: articles.slug })
      .from(articleAuthors)
      .innerJoin(articles, eq(articles.id, articleAuthors.articleId))
      .where(eq(articleAuthors.authorId, author.id))
      .all();
    expect(bylined.length).toBeGreaterThan(0);
    getDb().delete(cacheInvalidations).run();
    expect(saveAuthorProfile(form({ id: String(author.id), name: `${author.name} Jr`, role: author.role }), jo)).toEqual({ ok: true });
    const tags = invalidated();
    for (const { slug } of bylined) expect(tags).toContain(`article:${slug}`);
    expect(tags).toContain('listings');
    expect(getAuthorProfile(author.id)).toMatchObject({ name: `${author.name} Jr`, bio: '', photo: null });
  });

  it('refuses a picture that is not in the library, and says what to fix in the form', () => {
    const author = getDb().select().from(authors).get()!;
    expect(saveAuthorProfile(form({ id: String(author.id), name: 'X', photoId: '999999' }), jo)).toEqual({
      ok: false,
      message: 'That picture is no longer in the library. Choose another.',
    });
    const parsed = authorFormSchema.safeParse({ id: '1', name: '', role: '', bio: 'x'.repeat(601), photoId: '' });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([
      'Give the author a name: it is the byline.',
      'Keep the bio under 600 characters: two or three sentences.',
    ]);
  });
});
