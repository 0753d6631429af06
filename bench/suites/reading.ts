import { and, desc, eq, lte } from 'drizzle-orm';
import { articles } from '../../db/schema';
import { openSiteDb } from '../../test/support/site-db';
import { loadTest } from '../lib/load-test';
import { routeScriptsTable } from '../lib/route-js';
import type { Suite, SuiteReport } from '../lib/suite';
import { formatMs, formatRate, formatWireSize } from '../lib/table';
import { BROWSER_ENCODING, settledTransferSize, warmUp } from '../lib/warm-up';

/** The newest live article in the scratch database (the seed is deterministic, so it is stable). */
export function newestPublishedSlug(databasePath: string): string {
  const db = openSiteDb(databasePath);
  try {
    const row = db
      .select({ slug: articles.slug })
      .from(articles)
      .where(and(eq(articles.status, 'published'), lte(articles.publishedAt, new Date())))
      .orderBy(desc(articles.publishedAt))
      .limit(1)
      .get();
    if (!row) throw new Error(`no published article in ${databasePath}: was the demo content seeded?`);
    return row.slug;
  } finally {
    db.$client.close();
  }
}

export const reading: Suite = {
  name: 'reading',
  description: 'Anonymous reading: front page, an article, a search; throughput and latency under load',
  async run({ startServer, options }): Promise<SuiteReport> {
    const server = await startServer();
    const slug = newestPublishedSlug(server.databasePath);
    const pages = [
      { label: 'front page', path: '/' },
      { label: 'article', path: `/articles/${encodeURIComponent(slug)}` },
      // The same article as a browser asks for it (brotli; wrk asks for no compression).
      { label: 'article, as browsers ask', path: `/articles/${encodeURIComponent(slug)}`, headers: BROWSER_ENCODING },
      { label: 'search', path: '/search?q=council' },
    ] as { label: string; path: string; headers?: Record<string, string> }[];
    const rows: string[][] = [];
    const notes: string[] = [];
    const problems: string[] = [];

    for (const page of pages) {
      const url = `${server.baseUrl}${page.path}`;
      const warm = await warmUp(url, undefined, page.headers);
      const wire = await settledTransferSize(url, page.headers);
      const size = formatWireSize(wire);
      if (warm.status !== 200) {
        // Measuring an error page would only time how fast the server says no.
        problems.push(`${page.label} (${page.path}) answered ${warm.status} during warm-up; not measured`);
        rows.push([page.label, page.path, '-', '-', '-', '-', '-', warm.cache, size]);
        continue;
      }
      if (page.label === 'search') {
        const hits = /(\d+) results? for/.exec(warm.body)?.[1];
        notes.push(
          hits
            ? `search for "council" finds ${hits} articles`
            : 'search for "council" found no articles: the search figures are for an empty result page',
        );
      }
      process.stdout.write(`[bench] ${page.label}: ${options.seconds} s at ${options.connections} connections… `);
      const result = await loadTest(
        { url, seconds: options.seconds, connections: options.connections, headers: page.headers },
        options.tool,
      );
      process.stdout.write(`${formatRate(result.reqPerSec)} req/s\n`);
      if (result.non2xx > 0) problems.push(`${page.label}: ${result.non2xx} of ${result.requests} responses were errors (non-2xx)`);
      if (result.errors > 0) notes.push(`${page.label}: ${result.errors} connection errors or timeouts under load`);
      rows.push([
        page.label,
        page.path,
        formatRate(result.reqPerSec),
        formatMs(result.p50Ms),
        formatMs(result.p99Ms),
        String(result.non2xx),
        String(result.errors),
        warm.cache,
        size,
      ]);
    }

    notes.push(
      'x-nextjs-cache is the header of the last warm-up response: HIT means served from the ISR cache; "-" means rendered for every request.',
    );
    return {
      table: [
        {
          headers: ['page', 'path', 'req/s', 'p50', 'p99', 'non-2xx', 'errors', 'x-nextjs-cache', 'size sent'],
          rows,
          numeric: [2, 3, 4, 5, 6, 8],
        },
        routeScriptsTable([
          { label: 'front page', route: '/(site)/page/[page]' },
          { label: 'article', route: '/(site)/articles/[slug]' },
          { label: 'section', route: '/(site)/section/[slug]' },
          { label: 'search', route: '/(site)/search' },
          { label: 'newsletter', route: '/(site)/newsletter' },
        ]),
      ],
      notes,
      problems,
    };
  },
};
