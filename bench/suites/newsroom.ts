import { chromium } from '@playwright/test';
import { and, desc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { articleAuthors, articles, sections } from '../../db/schema';
import { builtAction } from '../../e2e/support/admin-surface';
import { chromiumExecutable } from '../../e2e/support/env';
import { callServerAction } from '../../e2e/support/server-actions';
import { openSiteDb, type SiteDb } from '../../test/support/site-db';
import { loadTest } from '../lib/load-test';
import { insertStaffSession } from '../lib/scratch-db';
import { sleep } from '../lib/stats';
import type { Suite, SuiteReport } from '../lib/suite';
import { formatMs, formatRate, formatWireSize } from '../lib/table';
import { BROWSER_ENCODING, settledTransferSize, warmUp } from '../lib/warm-up';

// The newsroom's pages with pictures, and publishing under load:
//  1. an article with a lead picture and one without, and the front page with its pictures, served
//     at the rate of the reading suite's pages;
//  2. what a phone (390 CSS pixels wide, at 2x and 3x) downloads in pictures for the front page, and
//     whether the largest paint is the lead picture, loaded eagerly at a phone's size;
//  3. an article published from the dashboard's action while the front page takes 50 connections:
//     no reader request fails, and how long until the front page shows it.

function liveArticles(db: SiteDb, withImage: boolean) {
  return db
    .select({ id: articles.id, slug: articles.slug })
    .from(articles)
    .where(
      and(
        eq(articles.status, 'published'),
        lte(articles.publishedAt, new Date()),
        withImage ? isNotNull(articles.imageId) : isNull(articles.imageId),
      ),
    )
    .orderBy(desc(articles.publishedAt))
    .all();
}

interface PhoneImages {
  dpr: number;
  images: number;
  bytes: number;
  lcpUrl: string;
  lcpLoading: string;
  lcpWidth: number;
}

/** Loads the front page as a phone would and adds up the picture bytes it fetched. */
async function phoneFrontPage(baseUrl: string, dpr: number): Promise<PhoneImages> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable() });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: dpr, isMobile: true, hasTouch: true });
    let bytes = 0;
    let images = 0;
    page.on('requestfinished', async (request) => {
      if (request.resourceType() !== 'image') return;
      const sizes = await request.sizes().catch(() => null);
      if (!sizes) return;
      images += 1;
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    // The largest paint of the first screen, before any scrolling (what Lighthouse measures).
    const lcp = await page.evaluate(
      () =>
        new Promise<{ url: string; loading: string }>((resolve) => {
          new PerformanceObserver((list) => {
            const last = list.getEntries().at(-1) as PerformanceEntry & { url?: string; element?: Element | null };
            const img = last?.element instanceof HTMLImageElement ? last.element : null;
            resolve({ url: last?.url ?? '', loading: img?.getAttribute('loading') ?? '(not a picture)' });
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
    // Then to the end, so lazy pictures a reader would reach are counted too.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    await page.waitForLoadState('networkidle');
    // The file's width is in its name (/media/<hash>-<width>.<format>): a srcset picture's naturalWidth is divided by its density.
    const lcpUrl = lcp.url.replace(baseUrl, '');
    return { dpr, images, bytes, lcpUrl, lcpLoading: lcp.loading, lcpWidth: Number(/-(\d+)\.\w+$/.exec(lcpUrl)?.[1] ?? 0) };
  } finally {
    await browser.close();
  }
}

export const newsroom: Suite = {
  name: 'newsroom',
  description: 'Pages with lead pictures, the picture bytes a phone downloads, and publishing while the front page is under load',
  async run({ startServer, options }): Promise<SuiteReport> {
    const server = await startServer();
    const db = openSiteDb(server.databasePath);
    const notes: string[] = [];
    const problems: string[] = [];
    try {
      const pictured = liveArticles(db, true);
      // The seed gives every demo article a picture: take it off one, to compare like with like.
      if (pictured.length < 2)
        throw new Error('the scratch database has fewer than two articles with a lead picture (was the demo seeded?)');
      const plain = pictured.at(-1)!;
      db.update(articles).set({ imageId: null }).where(eq(articles.id, plain.id)).run();
      const withPicture = pictured[0]!;

      // 1. Throughput.
      const pages = [
        { label: 'article with a lead picture', path: `/articles/${withPicture.slug}` },
        { label: 'article without a picture', path: `/articles/${plain.slug}` },
        { label: 'front page (pictures)', path: '/' },
        { label: 'front page, as browsers ask', path: '/', headers: BROWSER_ENCODING },
      ] as { label: string; path: string; headers?: Record<string, string> }[];
      const rows: string[][] = [];
      for (const page of pages) {
        const url = `${server.baseUrl}${page.path}`;
        const warm = await warmUp(url, undefined, page.headers);
        const wire = await settledTransferSize(url, page.headers);
        if (warm.status !== 200) {
          problems.push(`${page.label} answered ${warm.status}; not measured`);
          continue;
        }
        const pictures = (warm.body.match(/<img /g) ?? []).length;
        process.stdout.write(`[bench] ${page.label}: ${options.seconds} s at ${options.connections} connections… `);
        const result = await loadTest(
          { url, seconds: options.seconds, connections: options.connections, headers: page.headers },
          options.tool,
        );
        process.stdout.write(`${formatRate(result.reqPerSec)} req/s\n`);
        if (result.non2xx > 0) problems.push(`${page.label}: ${result.non2xx} error responses`);
        rows.push([
          page.label,
          formatRate(result.reqPerSec),
          formatMs(result.p50Ms),
          formatMs(result.p99Ms),
          formatWireSize(wire),
          String(pictures),
        ]);
      }

      // 2. A phone on the front page.
      const phones: string[][] = [];
      for (const dpr of [2, 3]) {
        process.stdout.write(`[bench] front page on a 390 px phone at ${dpr}x… `);
        const phone = await phoneFrontPage(server.baseUrl, dpr);
        process.stdout.write(`${phone.images} pictures, ${(phone.bytes / 1024).toFixed(0)} KiB\n`);
        phones.push([
          `390 px at ${dpr}x`,
          String(phone.images),
          `${(phone.bytes / 1024).toFixed(0)} KiB`,
          phone.lcpUrl || '(none)',
          phone.lcpLoading,
          phone.lcpWidth ? `${phone.lcpWidth} px` : '-',
        ]);
        if (phone.lcpLoading === 'lazy') problems.push(`the front page's largest paint (${phone.lcpUrl}) is lazy-loaded`);
      }

      // 3. Publishing while the front page is under load.
      const editor = insertStaffSession(db, { role: 'editor' });
      const section = db.select({ id: sections.id }).from(sections).get()!;
      const author = db.select({ id: articleAuthors.authorId }).from(articleAuthors).get()!;
      const action = builtAction('lib/articles/admin-actions.ts', 'saveArticleAction');
      const title = `Published under load ${Date.now().toString(36)}`;
      const frontUrl = `${server.baseUrl}/`;
      const load = loadTest({ url: frontUrl, seconds: options.seconds, connections: 50 }, options.tool);
      await sleep((options.seconds * 1000) / 3);
      const started = performance.now();
      const answer = await callServerAction({
        baseUrl: server.baseUrl,
        path: action.path,
        id: action.id,
        arity: 2,
        cookie: editor.cookie,
        fields: {
          id: '',
          version: '0',
          intent: 'publish',
          title,
          summary: 'Written by the benchmark.',
          slug: '',
          sectionId: String(section.id),
          tags: '',
          authorIds: [String(author.id)],
          body: 'Published while fifty readers were on the front page.',
          commentsOpen: 'on',
        },
      });
      const answered = performance.now() - started;
      let visibleAfter: number | null = null;
      while (performance.now() - started < 10_000) {
        const page = await fetch(frontUrl).then((r) => r.text());
        if (page.includes(title)) {
          visibleAfter = performance.now() - started;
          break;
        }
        await sleep(10);
      }
      const loaded = await load;
      if (answer.status !== 200 || !answer.body.includes('Published'))
        problems.push(`the publish action answered ${answer.status}: ${answer.body.slice(0, 200)}`);
      if (visibleAfter === null) problems.push('the published article did not appear on the front page within 10 s');
      if (loaded.non2xx > 0 || loaded.errors > 0)
        problems.push(`while publishing: ${loaded.non2xx} error responses, ${loaded.errors} connection errors`);
      const publishing = [
        [
          `front page, ${options.seconds} s at 50 connections`,
          formatRate(loaded.reqPerSec),
          String(loaded.non2xx),
          String(loaded.errors),
          formatMs(answered),
          visibleAfter === null ? 'not seen' : formatMs(visibleAfter),
        ],
      ];
      notes.push(
        'Picture bytes are what Chromium fetched for <img>/<picture> on the front page, scrolled to the end (lazy pictures included), headers included.',
        'Visible after: from sending the publish action to the first front-page response that lists the new article, fetched in a loop beside the load.',
      );
      return {
        table: [
          { title: 'Pages with pictures', headers: ['page', 'req/s', 'p50', 'p99', 'size sent', '<img>'], rows, numeric: [1, 2, 3, 4, 5] },
          {
            title: 'Front page pictures on a phone',
            headers: ['screen', 'pictures', 'bytes', 'largest paint', 'its loading', 'its file width'],
            rows: phones,
            numeric: [1, 2, 5],
          },
          {
            title: 'Publishing under load',
            headers: ['load', 'req/s', 'non-2xx', 'errors', 'publish answered in', 'visible after'],
            rows: publishing,
            numeric: [1, 2, 3, 4, 5],
          },
        ],
        notes,
        problems,
      };
    } finally {
      db.$client.close();
    }
  },
};
