import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { articles, comments, subscribers } from '../../db/schema';
import { openSiteDb, type SiteDb } from '../../test/support/site-db';
import { cpuMsOf } from '../lib/processes';
import { insertStaffSession } from '../lib/scratch-db';
import { median, percentile, sleep } from '../lib/stats';
import type { Suite, SuiteReport } from '../lib/suite';
import { formatMs } from '../lib/table';

// With 10,000 pending comments and 50,000 subscribers seeded, the Pending tab and the subscriber
// list each render page 1 in under 200 ms on the server. Sign-in is by magic link, so the suite
// gives a moderator a database session directly (the row Auth.js writes after the link is used)
// and requests the pages with its cookie, one request at a time.

const PENDING = 10_000;
const SUBSCRIBERS = 50_000;
const WARM_UP = 3;
const TIMED = 20;
const TARGET_MS = 200;

function seed(db: SiteDb): void {
  const articleIds = db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.status, 'published'))
    .all()
    .map((r) => r.id);
  if (articleIds.length === 0) throw new Error('no published articles in the scratch database');
  const now = Date.now();
  const hex = (i: number) => `${i.toString(16).padStart(8, '0')}${'0'.repeat(24)}`;
  const p = (name: string) => sql.placeholder(name);
  db.transaction((tx) => {
    // One prepared statement per kind of row, as lib/mail/outbox.ts queues a mass send, so that
    // tens of thousands of rows go in without building an insert for each.
    const insertComment = tx
      .insert(comments)
      .values({
        articleId: p('articleId'),
        depth: 1,
        authorName: p('authorName'),
        authorEmail: p('authorEmail'),
        authorUrl: p('authorUrl'),
        body: p('body'),
        status: 'pending',
        heldReasons: p('heldReasons'),
        ipHash: p('ipHash'),
        userAgent: 'Mozilla/5.0 (bench)',
        createdAt: p('at'),
        updatedAt: p('at'),
      })
      .prepare();
    for (let i = 0; i < PENDING; i++) {
      // Spread over 30 days; repeat commenters; one busy office IP behind a tenth of them.
      const at = new Date(now - Math.floor(((PENDING - i) / PENDING) * 30 * 86_400_000));
      insertComment.run({
        articleId: articleIds[i % articleIds.length],
        authorName: `Commenter ${i % 3000}`,
        authorEmail: `commenter${i % 3000}@example.com`,
        authorUrl: i % 5 === 0 ? `https://example.org/~c${i % 3000}` : null,
        body: `Pending comment ${i}. ${'The council should publish the full contract and the risk register before the next budget round. '.repeat(1 + (i % 6))}`,
        heldReasons: i % 7 === 0 ? ['3 links'] : i % 11 === 0 ? ['blocked word: casino'] : [],
        ipHash: i % 10 === 0 ? 'busy-office-ip-hash' : hex(i % 2500),
        at,
      });
    }

    // Seven in ten confirmed, two pending (with a live confirmation token), one unsubscribed.
    const subscriber = {
      email: p('email'),
      unsubscribeToken: p('unsubscribeToken'),
      consentSource: '/',
      consentAt: p('at'),
      ipHash: p('ipHash'),
      createdAt: p('at'),
      updatedAt: p('at'),
    };
    const insertConfirmed = tx
      .insert(subscribers)
      .values({ ...subscriber, status: 'confirmed', confirmedAt: p('confirmedAt') })
      .prepare();
    const insertPending = tx
      .insert(subscribers)
      .values({
        ...subscriber,
        status: 'pending',
        confirmTokenHash: p('confirmTokenHash'),
        confirmTokenExpiresAt: p('confirmTokenExpiresAt'),
      })
      .prepare();
    const insertUnsubscribed = tx
      .insert(subscribers)
      .values({ ...subscriber, status: 'unsubscribed', unsubscribedAt: p('unsubscribedAt') })
      .prepare();
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const at = now - Math.floor(((SUBSCRIBERS - i) / SUBSCRIBERS) * 730 * 86_400_000);
      const row = {
        email: `reader${i}@example${i % 50}.com`,
        unsubscribeToken: randomBytes(24).toString('base64url'),
        at: new Date(at),
        ipHash: hex(i % 20000),
      };
      const kind = i % 10;
      if (kind < 7) insertConfirmed.run({ ...row, confirmedAt: new Date(at + 600_000) });
      else if (kind < 9)
        insertPending.run({
          ...row,
          confirmTokenHash: randomBytes(32).toString('hex'),
          confirmTokenExpiresAt: new Date(at + 48 * 3_600_000),
        });
      else insertUnsubscribed.run({ ...row, unsubscribedAt: new Date(at + 86_400_000) });
    }
  });
  db.$client.pragma('optimize');
}

interface Timing {
  status: number;
  ttfbMs: number;
  totalMs: number;
  body: string;
}

async function timedGet(url: string, cookie: string): Promise<Timing> {
  const started = performance.now();
  const res = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  const ttfbMs = performance.now() - started;
  const body = await res.text();
  return { status: res.status, ttfbMs, totalMs: performance.now() - started, body };
}

/** The SQL the two pages run (as Drizzle writes it in lib/comments/moderation.ts and lib/newsletter/admin.ts), timed in this process. */
const QUERIES: { label: string; sql: string }[] = [
  { label: 'comments: counts by status (tabs)', sql: 'SELECT status, count(*) FROM comments GROUP BY status' },
  { label: 'comments: pending total', sql: "SELECT count(*) FROM comments WHERE status = 'pending'" },
  {
    label: 'comments: Pending page 1 (with same-IP counts)',
    sql: `SELECT c.id, c.status, a.slug, a.title, c.author_name, c.author_email, c.author_url, c.body, c.held_reasons, c.ip_hash,
                 (SELECT count(*) FROM comments o WHERE o.ip_hash = c.ip_hash AND o.id != c.id) AS same_ip,
                 c.is_staff, c.created_at, c.edited_at, c.parent_id
          FROM comments c INNER JOIN articles a ON a.id = c.article_id
          WHERE c.status = 'pending' ORDER BY c.created_at DESC, c.id DESC LIMIT 50 OFFSET 0`,
  },
  { label: 'subscribers: counts by status (tabs)', sql: 'SELECT status, count(*) FROM subscribers GROUP BY status' },
  { label: 'subscribers: total', sql: 'SELECT count(*) FROM subscribers' },
  {
    label: 'subscribers: page 1',
    sql: `SELECT id, email, status, consent_source, created_at, confirmed_at, unsubscribed_at FROM subscribers
          ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 0`,
  },
];

function timeQueries(db: SiteDb): string[][] {
  return QUERIES.map(({ label, sql }) => {
    const statement = db.$client.prepare(sql);
    statement.all();
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      statement.all();
      times.push(performance.now() - started);
    }
    const plan = db.$client
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all()
      .map((r) => r.detail)
      .join('; ');
    return [label, formatMs(median(times)), plan];
  });
}

export const admin: Suite = {
  name: 'admin',
  description: `Moderation console with ${PENDING.toLocaleString('en-GB')} pending comments and ${SUBSCRIBERS.toLocaleString('en-GB')} subscribers: page-1 render times (target < ${TARGET_MS} ms)`,
  async run({ startServer }): Promise<SuiteReport> {
    const notes: string[] = [];
    const problems: string[] = [];
    const server = await startServer();
    const db = openSiteDb(server.databasePath);
    let queryRows: string[][];
    let cookie: string;
    try {
      const started = performance.now();
      seed(db);
      notes.push(
        `seeded ${PENDING} pending comments and ${SUBSCRIBERS} subscribers in one transaction in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      cookie = insertStaffSession(db, { role: 'moderator' }).cookie;
      queryRows = timeQueries(db);
    } finally {
      db.$client.close();
    }

    const pages = [
      { label: 'Pending tab, page 1', path: '/admin/comments?status=pending', expect: [`Pending (${PENDING})`, 'Page 1 of 200'] },
      { label: 'Subscribers, page 1', path: '/admin/subscribers', expect: [`All (${SUBSCRIBERS})`, `${SUBSCRIBERS} subscribers`] },
    ];
    const rows: string[][] = [];
    for (const page of pages) {
      const url = `${server.baseUrl}${page.path}`;
      let last: Timing | null = null;
      for (let i = 0; i < WARM_UP; i++) last = await timedGet(url, cookie);
      if (last!.status !== 200) {
        problems.push(
          `${page.label}: answered ${last!.status} with the moderator's session (${last!.status === 307 ? 'redirected to sign-in?' : 'error'}); not measured`,
        );
        continue;
      }
      // Read the page as a person would: no tags, no <!-- --> React puts between adjacent texts.
      const text = last!.body
        .replace(/<!-- -->/g, '')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ');
      const missing = page.expect.filter((e) => !text.includes(e));
      if (missing.length > 0)
        problems.push(`${page.label}: the page does not show ${missing.map((m) => `"${m}"`).join(', ')}: not the seeded data?`);
      const timings: Timing[] = [];
      const cpuBefore = cpuMsOf(server.serverPid);
      for (let i = 0; i < TIMED; i++) {
        timings.push(await timedGet(url, cookie));
        await sleep(20);
      }
      const cpuAfter = cpuMsOf(server.serverPid);
      const cpuPerRequest = cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / TIMED : NaN;
      const bad = timings.filter((t) => t.status !== 200).length;
      if (bad > 0) problems.push(`${page.label}: ${bad} of ${TIMED} timed requests did not answer 200`);
      const totals = timings.map((t) => t.totalMs);
      const med = median(totals);
      const max = Math.max(...totals);
      rows.push([
        page.label,
        page.path,
        formatMs(median(timings.map((t) => t.ttfbMs))),
        formatMs(med),
        formatMs(percentile(totals, 90)),
        formatMs(max),
        formatMs(cpuPerRequest),
        `${(Buffer.byteLength(last!.body) / 1024).toFixed(0)} KiB`,
        med < TARGET_MS ? (max < TARGET_MS ? 'met' : 'met (median)') : 'NOT met',
      ]);
    }

    return {
      table: [
        {
          title: `${TIMED} sequential requests per page after ${WARM_UP} warm-ups, as a signed-in moderator (full response, loopback)`,
          headers: ['page', 'path', 'TTFB p50', 'p50', 'p90', 'max', 'server CPU', 'size', `< ${TARGET_MS} ms`],
          rows,
          numeric: [2, 3, 4, 5, 6, 7],
        },
        {
          title: 'the SQL behind them, timed directly on the scratch database (median of 20; better-sqlite3 in the bench process)',
          headers: ['query', 'median', 'plan'],
          rows: queryRows,
          numeric: [1],
        },
      ],
      notes: [
        ...notes,
        'p50/p90/max are full responses (the page is streamed; TTFB is when the headers came); the server renders admin pages per request (force-dynamic).',
        'server CPU: user + system CPU time of next-server per request over the timed requests (10 ms clock ticks); on a busy machine it shows what a page costs when latency cannot.',
      ],
      problems,
    };
  },
};
