import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { cacheInvalidations, moderationLog } from '@/db/schema';
import { firstVersion, SITE_PAGE_SLUGS, type SitePageSlug } from './catalogue';
import { getPublicSitePage, getSitePageForEditing, listSitePages, saveSitePage, sitePageFormSchema } from './pages';

beforeAll(() => migrateDatabase());

const jo = { email: 'jo@ledger.example' };
const sam = { email: 'sam@ledger.example' };
const invalidatedAt = (tag: string) =>
  getDb().select().from(cacheInvalidations).where(eq(cacheInvalidations.tag, tag)).get()?.invalidatedAt;

describe('site pages', () => {
  it('each has a first version naming the site, shown until an editor saves one', async () => {
    const pages = listSitePages();
    expect(pages.map((p) => p.slug)).toEqual([...SITE_PAGE_SLUGS]);
    for (const page of pages) {
      expect(page.version).toBe(0);
      expect(page.body.length).toBeGreaterThan(200);
    }
    expect(firstVersion('privacy', { siteName: 'The Bugle', postalAddress: '2 Road, Leeds' }).body).toContain(
      'The Bugle is run from 2 Road, Leeds',
    );
    const about = await getPublicSitePage('about');
    expect(about?.title).toBe('About The Ledger');
    expect(about?.html).toContain('<h2');
    expect(about?.updatedAt).toBeNull();
    // A cached read can be called with any argument (README, "How it works"): no such page, no error.
    expect(await getPublicSitePage('../../etc' as SitePageSlug)).toBeNull();
  });

  it('saves from the version it was opened at, logs it and invalidates only that page', async () => {
    const before = Date.now();
    const result = saveSitePage({ slug: 'contact', version: 0, title: 'Write to us', body: 'Email **news@example.org**.' }, jo);
    expect(result).toMatchObject({ ok: true, version: 1 });
    expect(invalidatedAt('page:contact')).toBeGreaterThanOrEqual(before);
    expect(invalidatedAt('page:about')).toBeUndefined();
    const page = await getPublicSitePage('contact');
    expect(page).toMatchObject({
      title: 'Write to us',
      html: '<p>Email <strong><a href="mailto:news@example.org">news@example.org</a></strong>.</p>\n',
    });
    const log = getDb().select().from(moderationLog).orderBy(desc(moderationLog.id)).get()!;
    expect(log).toMatchObject({ actor: jo.email, action: 'page-edit', detail: 'Write to us (/contact)' });
    expect(saveSitePage({ slug: 'contact', version: 1, title: 'Write to us', body: 'Second.' }, jo)).toMatchObject({
      ok: true,
      version: 2,
    });
  });

  it('refuses a save over someone else’s, says who, and keeps theirs', () => {
    saveSitePage({ slug: 'corrections', version: 0, title: 'Corrections', body: 'Sam’s text.' }, sam);
    const late = saveSitePage({ slug: 'corrections', version: 0, title: 'Corrections', body: 'Jo’s text.' }, jo);
    expect(late.ok).toBe(false);
    if (late.ok) return;
    expect(late.message).toMatch(/^Not saved: sam@ledger\.example changed this page at .+, after you opened it\./);
    expect(late.theirs).toMatchObject({ body: 'Sam’s text.', version: 1 });
    expect(getSitePageForEditing('corrections').body).toBe('Sam’s text.');
  });

  it('says what to fix in a form that cannot be saved', () => {
    const parsed = sitePageFormSchema.safeParse({ slug: 'terms', version: '0', title: ' ', body: '' });
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual([
      'slug: There is no such page.',
      'title: Give the page a title.',
      'body: Write the page. An empty page would tell readers nothing.',
    ]);
  });
});
