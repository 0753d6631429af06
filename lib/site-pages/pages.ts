import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { sitePages } from '@/db/schema';
import { renderMarkdown } from '@/lib/articles/markdown';
import { invalidateCacheTags } from '@/lib/cache/invalidate';
import { env } from '@/lib/env';
import { newsroomNow } from '@/lib/site/clock';
import { formatNewsroomTime } from '@/lib/site/dates';
import { logStaffAction } from '@/lib/staff/log';
import { firstVersion, SITE_PAGE_SLUGS, sitePagePath, type SitePageSlug, type SitePageText } from './catalogue';

/** The cache tag of a site page: its public page is invalidated by a save, and nothing else is. */
export const sitePageTag = (slug: SitePageSlug) => `page:${slug}`;

export interface SitePage extends SitePageText {
  slug: SitePageSlug;
  /** 0 for a page nobody has saved yet (its first version from the catalogue). */
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

function firstVersionOf(slug: SitePageSlug): SitePageText {
  return firstVersion(slug, { siteName: env.SITE_NAME, postalAddress: env.POSTAL_ADDRESS });
}

function readSitePage(slug: SitePageSlug): SitePage {
  const row = getDb().select().from(sitePages).where(eq(sitePages.slug, slug)).get();
  if (!row) return { slug, ...firstVersionOf(slug), version: 0, updatedBy: null, updatedAt: null };
  return { slug, title: row.title, body: row.body, version: row.version, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}

/** A site page as readers see it, rendered; cached until an editor saves it. */
export async function getPublicSitePage(slug: SitePageSlug) {
  'use cache';
  // Checked here too: Next lets anyone with a cached read's id call it (README, "How it works").
  if (!(SITE_PAGE_SLUGS as readonly string[]).includes(slug)) return null;
  cacheTag(sitePageTag(slug));
  cacheLife('reader');
  const page = readSitePage(slug);
  return { title: page.title, html: renderMarkdown(page.body), updatedAt: page.updatedAt };
}

/** For the dashboard: every page, as stored or as first written. */
export function listSitePages(): SitePage[] {
  return SITE_PAGE_SLUGS.map(readSitePage);
}

export const getSitePageForEditing = readSitePage;

export const MAX_PAGE_TITLE = 120;
export const MAX_PAGE_BODY = 50_000;

export const sitePageFormSchema = z.object({
  slug: z.enum(SITE_PAGE_SLUGS, { error: 'There is no such page.' }),
  version: z.coerce.number().int().min(0),
  title: z
    .string()
    .trim()
    .min(1, { error: 'Give the page a title.' })
    .max(MAX_PAGE_TITLE, { error: `Keep the title under ${MAX_PAGE_TITLE} characters.` }),
  body: z
    .string()
    .trim()
    .min(1, { error: 'Write the page. An empty page would tell readers nothing.' })
    .max(MAX_PAGE_BODY, { error: `Keep the page under ${MAX_PAGE_BODY.toLocaleString('en-GB')} characters.` }),
});
export type SitePageForm = z.output<typeof sitePageFormSchema>;

export type SaveSitePageResult = { ok: true; version: number; message: string } | { ok: false; message: string; theirs: SitePage };

/**
 * Saves a page if nobody else saved it since `input.version` was read; otherwise answers with
 * what they saved, and keeps both (nothing is overwritten). Logged; the public page changes at once.
 */
export function saveSitePage(input: SitePageForm, editor: { email: string }, now: Date = newsroomNow()): SaveSitePageResult {
  const db = getDb();
  const outcome = db.transaction(
    (tx) => {
      const current = tx.select().from(sitePages).where(eq(sitePages.slug, input.slug)).get();
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== input.version) return { ok: false as const };
      const saved = tx
        .insert(sitePages)
        .values({ slug: input.slug, title: input.title, body: input.body, version: 1, updatedBy: editor.email, updatedAt: now })
        .onConflictDoUpdate({
          target: sitePages.slug,
          set: { title: input.title, body: input.body, version: sql`${sitePages.version} + 1`, updatedBy: editor.email, updatedAt: now },
        })
        .returning({ version: sitePages.version })
        .get();
      logStaffAction(tx, {
        actor: editor.email,
        action: 'page-edit',
        detail: `${input.title} (${sitePagePath(input.slug)})`,
        link: `/admin/pages/${input.slug}`,
        at: now,
      });
      return { ok: true as const, version: saved.version };
    },
    { behavior: 'immediate' },
  );
  if (!outcome.ok) {
    const theirs = readSitePage(input.slug);
    const when = theirs.updatedAt ? formatNewsroomTime(new Date(theirs.updatedAt)) : 'a moment ago';
    return {
      ok: false,
      message: `Not saved: ${theirs.updatedBy ?? 'someone'} changed this page at ${when}, after you opened it. Their version is below; copy what you need from yours, then save again.`,
      theirs,
    };
  }
  invalidateCacheTags([sitePageTag(input.slug)]);
  return { ok: true, version: outcome.version, message: `Saved. Readers see the new version at ${sitePagePath(input.slug)} now.` };
}
