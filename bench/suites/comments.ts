import fs from 'node:fs';
import { and, count, eq, like } from 'drizzle-orm';
import { comments as commentsTable } from '../../db/schema';
import { invalidateTags, openSiteDb, type SiteDb } from '../../test/support/site-db';
import { clientIp } from '../../test/support/client-ip';
import {
  findForm,
  fillForm,
  postForm,
  postFormAndFollow,
  type FormField,
  type ParsedForm,
  type PostResult,
} from '../../test/support/forms';
import { loadTest } from '../lib/load-test';
import { cpuMsOf } from '../lib/processes';
import type { RunningServer } from '../lib/server';
import { commentBody, insertApprovedThread, openArticles, THREAD_SIZE } from '../lib/scratch-db';
import { mapConcurrent, percentile, sleep, tally } from '../lib/stats';
import type { BenchOptions, Suite, SuiteReport } from '../lib/suite';
import { formatMs, formatRate, formatWireSize, type Table } from '../lib/table';
import { BROWSER_ENCODING, settledTransferSize, warmUp } from '../lib/warm-up';

// (a) The article page with 50 approved comments against the same
// page with none (target: within 20%); (b) 500 comment submissions through the real server action,
// from concurrent clients, against two server processes on one database file, proving every
// valid one is stored exactly once with no SQLITE_BUSY reaching a user (target: 500/s).

const SUBMISSIONS = 500;
/** The form must be older than this when posted (lib/comments/rules.ts MIN_FILL_MS is 3 s). */
const STAMP_AGE_MS = 3_200;
const SUCCESS = 'Thank you. Your comment is awaiting moderation.';

/** BENCH_WRITE_SERVERS (default 2): server processes sharing the database in (b). */
function writeServers(): number {
  const raw = process.env.BENCH_WRITE_SERVERS?.trim() || '2';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 4) throw new Error(`BENCH_WRITE_SERVERS must be 1 to 4, not "${raw}"`);
  return n;
}
const SAVE_FAILED = 'could not be saved';

// ---- (a) the article page with and without comments ----

interface PageFigures {
  row: string[];
  reqPerSec: number;
  p99Ms: number;
}

/** CPU time used by these servers so far, in ms (see cpuMsOf). */
const cpuOf = (servers: RunningServer[]) => servers.reduce((sum, s) => sum + (cpuMsOf(s.serverPid) ?? NaN), 0);

async function measurePage(
  server: RunningServer,
  label: string,
  url: string,
  expectHeading: string,
  options: BenchOptions,
  notes: string[],
  problems: string[],
  headers: Record<string, string> = {},
): Promise<PageFigures | null> {
  const warm = await warmUp(url, undefined, headers);
  if (warm.status !== 200) {
    problems.push(`${label}: answered ${warm.status} during warm-up; not measured`);
    return null;
  }
  if (!warm.body.includes(expectHeading)) {
    problems.push(`${label}: the page does not show "${expectHeading}"; the comments are not what the suite meant to measure`);
    return null;
  }
  if (warm.cache !== 'HIT')
    notes.push(`${label}: x-nextjs-cache is "${warm.cache}" after warm-up (expected HIT: the page is rendered per request?)`);
  process.stdout.write(`[bench] article, ${label}: ${options.seconds} s at ${options.connections} connections… `);
  const cpuBefore = cpuOf([server]);
  const result = await loadTest({ url, seconds: options.seconds, connections: options.connections, headers }, options.tool);
  const cpuPerRequest = (cpuOf([server]) - cpuBefore) / result.requests;
  const wire = await settledTransferSize(url, headers);
  process.stdout.write(`${formatRate(result.reqPerSec)} req/s\n`);
  if (result.non2xx > 0) problems.push(`article, ${label}: ${result.non2xx} of ${result.requests} responses were errors`);
  if (result.errors > 0) notes.push(`article, ${label}: ${result.errors} connection errors or timeouts under load`);
  return {
    reqPerSec: result.reqPerSec,
    p99Ms: result.p99Ms,
    row: [
      label,
      formatRate(result.reqPerSec),
      formatMs(result.p50Ms),
      formatMs(result.p99Ms),
      String(result.non2xx),
      String(result.errors),
      formatMs(cpuPerRequest),
      warm.cache,
      formatWireSize(wire),
    ],
  };
}

// ---- (b) comment writes through the real action ----

type WriteMode = 'no-js' | 'js';

interface Submission {
  i: number;
  server: RunningServer;
  email: string;
  body: string;
  stamp: string;
}

/**
 * The same submission as the page's browser code would send it with JavaScript on: React's reply
 * encoding (the form's fields under `_1_`, then the argument list `0` naming it `$K1`), with the
 * `Next-Action` header. The bound arguments (the article's slug and the form state) are those the
 * page rendered into `$ACTION_n:1` for the no-JS path.
 */
function jsActionFields(form: ParsedForm, values: Record<string, string>): { fields: FormField[]; headers: Record<string, string> } {
  const bound = form.fields.find(([name]) => /^\$ACTION_\d+:1$/.test(name));
  if (!bound || !form.actionId) throw new Error('the comment form has no bound server action reference ($ACTION_n:1)');
  const plain = fillForm(form, values).filter(([name]) => !name.startsWith('$ACTION_'));
  const args = [...(JSON.parse(bound[1]) as unknown[]), '$K1'];
  return {
    fields: [...plain.map(([name, value]): FormField => [`_1_${name}`, value]), ['0', JSON.stringify(args)]],
    headers: { 'Next-Action': form.actionId, Accept: 'text/x-component' },
  };
}

interface WriteResult {
  mode: WriteMode;
  clients: number;
  elapsedMs: number;
  cpuPerComment: number;
  responses: PostResult[];
  exactlyOnce: number;
  duplicates: number;
  missing: number;
  statuses: string;
  busyInResponses: number;
  serverErrors: number;
  saveFailed: number;
  succeeded: number;
}

async function fetchStamps(servers: RunningServer[], count: number): Promise<string[]> {
  return mapConcurrent(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const res = await fetch(`${servers[i % servers.length]!.baseUrl}/api/comments/stamp`, { signal: AbortSignal.timeout(30_000) });
      if (!res.ok) throw new Error(`GET /api/comments/stamp answered ${res.status}`);
      return ((await res.json()) as { stamp: string }).stamp;
    },
  );
}

async function runWrites(
  mode: WriteMode,
  {
    servers,
    path,
    form,
    db,
    articleId,
    run,
    ipOffset,
    clients,
  }: {
    servers: RunningServer[];
    path: string;
    form: ParsedForm;
    db: SiteDb;
    articleId: number;
    run: string;
    ipOffset: number;
    clients: number;
  },
): Promise<WriteResult> {
  // Fresh stamps, as the form fetches on load, then one wait so every form is older than 3 s.
  const stamps = await fetchStamps(servers, SUBMISSIONS);
  await sleep(STAMP_AGE_MS);
  const subs: Submission[] = stamps.map((stamp, i) => ({
    i,
    server: servers[i % servers.length]!,
    email: `bench-${run}-${mode}-${i}@example.com`,
    body: `Bench comment ${i} (${mode}, run ${run}): ${commentBody(i)}`,
    stamp,
  }));

  process.stdout.write(
    `[bench] comment writes (${mode === 'js' ? 'JavaScript fetch' : 'no-JS form POST'}): ${SUBMISSIONS} from ${clients} clients over ${servers.length} servers… `,
  );
  const started = performance.now();
  const cpuBefore = cpuOf(servers);
  const responses = await mapConcurrent(subs, clients, (s) => {
    const values = { name: `Bench reader ${s.i}`, email: s.email, website: '', body: s.body, stamp: s.stamp, parentId: '', company: '' };
    // A distinct client address each (the flood rule allows one comment per IP in 15 s); the
    // server hashes the last X-Forwarded-For entry.
    const headers = { 'X-Forwarded-For': clientIp(ipOffset + s.i), 'User-Agent': 'ledger-bench' };
    const url = `${s.server.baseUrl}${path}`;
    if (mode === 'no-js') return postFormAndFollow(url, fillForm(form, values), headers);
    const js = jsActionFields(form, values);
    return postForm(url, js.fields, { ...headers, ...js.headers });
  });
  const elapsedMs = performance.now() - started;
  const cpuPerComment = (cpuOf(servers) - cpuBefore) / SUBMISSIONS;

  // Proof from the database: each submission's (email, body) stored exactly once, as pending.
  const rows = db
    .select({ email: commentsTable.authorEmail, body: commentsTable.body, status: commentsTable.status, n: count() })
    .from(commentsTable)
    .where(and(eq(commentsTable.articleId, articleId), like(commentsTable.authorEmail, `bench-${run}-${mode}-%`)))
    .groupBy(commentsTable.authorEmail, commentsTable.body, commentsTable.status)
    .all();
  const byKey = new Map<string, number>();
  for (const r of rows) {
    // A form submission sends line breaks as CRLF; compare the text, not the line endings.
    const key = `${r.email}\n${r.body.replace(/\r\n/g, '\n')}`;
    byKey.set(key, (byKey.get(key) ?? 0) + r.n);
  }
  let exactlyOnce = 0;
  let duplicates = 0;
  let missing = 0;
  for (const s of subs) {
    const n = byKey.get(`${s.email}\n${s.body}`) ?? 0;
    if (n === 0) missing++;
    if (n === 1) exactlyOnce++;
    if (n > 1) duplicates += n - 1;
  }
  const statuses = tally(rows.flatMap((r) => Array<string>(r.n).fill(r.status)));

  return {
    mode,
    clients,
    elapsedMs,
    cpuPerComment,
    responses,
    exactlyOnce,
    duplicates,
    missing,
    statuses,
    busyInResponses: responses.filter((r) => r.body.includes('SQLITE_BUSY')).length,
    serverErrors: responses.filter((r) => r.status >= 500).length,
    saveFailed: responses.filter((r) => r.body.includes(SAVE_FAILED)).length,
    // The no-JS answer is a redirect to the thank-you page (followed, as a browser does); the JS
    // answer is the action's state.
    succeeded: responses.filter(
      (r) => r.status === 200 && (mode === 'no-js' ? r.body.includes(SUCCESS) : r.body.includes(`"message":"${SUCCESS}"`)),
    ).length,
  };
}

function logMentions(servers: RunningServer[], text: string): number {
  let n = 0;
  for (const s of servers) {
    try {
      n += fs.readFileSync(s.logPath, 'utf8').split(text).length - 1;
    } catch {
      /* no log */
    }
  }
  return n;
}

export const comments: Suite = {
  name: 'comments',
  description: `Article page with ${THREAD_SIZE} approved comments vs none; ${SUBMISSIONS} comment posts through the real action on two server processes`,
  async run({ startServer, options }): Promise<SuiteReport> {
    const notes: string[] = [];
    const problems: string[] = [];
    const tables: (Table & { title?: string })[] = [];
    const first = await startServer();
    const db = openSiteDb(first.databasePath);
    try {
      const candidates = openArticles(db).filter((a) => a.approvedComments === 0);
      if (candidates.length < 2) throw new Error('the seed has fewer than two open articles without comments');
      const [readArticle, writeArticle] = candidates as [(typeof candidates)[0], (typeof candidates)[0]];

      // (a) The same article, first with no comments, then with 50 approved ones; each as wrk asks
      // for it (no compression) and as a browser does (Accept-Encoding: gzip, deflate, br).
      const url = `${first.baseUrl}/articles/${encodeURIComponent(readArticle.slug)}`;
      const gzipLabel = (label: string) => `${label}, as browsers ask`;
      const none = await measurePage(first, 'no comments', url, 'No comments yet', options, notes, problems);
      const noneGzip = await measurePage(
        first,
        gzipLabel('no comments'),
        url,
        'No comments yet',
        options,
        notes,
        problems,
        BROWSER_ENCODING,
      );
      insertApprovedThread(db, readArticle.id, readArticle.publishedAt);
      invalidateTags(db, [`article:${readArticle.slug}`, 'comment-counts']);
      await sleep(1_500); // the cache handler's race margin: pages rendered within 1 s count as stale
      const withThread = await measurePage(first, `${THREAD_SIZE} approved`, url, `${THREAD_SIZE} comments`, options, notes, problems);
      const withThreadGzip = await measurePage(
        first,
        gzipLabel(`${THREAD_SIZE} approved`),
        url,
        `${THREAD_SIZE} comments`,
        options,
        notes,
        problems,
        BROWSER_ENCODING,
      );
      const pageRows = [none?.row, withThread?.row, noneGzip?.row, withThreadGzip?.row].filter((r): r is string[] => Boolean(r));
      tables.push({
        title: `(a) article page /articles/${readArticle.slug}, ${options.seconds} s at ${options.connections} connections each`,
        headers: ['comments', 'req/s', 'p50', 'p99', 'non-2xx', 'errors', 'server CPU/req', 'x-nextjs-cache', 'size sent'],
        rows: pageRows,
        numeric: [1, 2, 3, 4, 5, 6, 8],
      });
      const compare = (a: PageFigures | null, b: PageFigures | null, how: string) => {
        if (!a || !b) return;
        const ratio = b.reqPerSec / a.reqPerSec;
        notes.push(
          `(a) ${how}: with ${THREAD_SIZE} comments the article serves ${(ratio * 100).toFixed(0)}% of the req/s it serves with none ` +
            `(p99 ${formatMs(b.p99Ms)} vs ${formatMs(a.p99Ms)}); target: within 20% (≥ 80%): ${ratio >= 0.8 ? 'met' : 'NOT met'}`,
        );
      };
      compare(none, withThread, "uncompressed (wrk's default)");
      compare(noneGzip, withThreadGzip, 'as browsers ask (brotli)');

      // (b) Two server processes on the one database file; submissions alternate between them.
      const servers = [first];
      while (servers.length < writeServers()) servers.push(await startServer());
      const path = `/articles/${encodeURIComponent(writeArticle.slug)}`;
      const page = await fetch(`${first.baseUrl}${path}`, { signal: AbortSignal.timeout(30_000) });
      const form = findForm(await page.text(), 'name="parentId"');
      if (!form.actionId) throw new Error('the comment form has no server action id');
      notes.push(`(b) comment form action ${form.actionId}; submissions alternate between ${servers.map((s) => s.baseUrl).join(' and ')}`);
      const run = Date.now().toString(36);
      const clients = Math.min(options.connections, SUBMISSIONS);
      const results: WriteResult[] = [];
      for (const [k, mode] of (['no-js', 'js'] as WriteMode[]).entries()) {
        const result = await runWrites(mode, {
          servers,
          path,
          form,
          db,
          articleId: writeArticle.id,
          run,
          ipOffset: 1 + k * 100_000,
          clients,
        });
        process.stdout.write(`${formatRate((SUBMISSIONS / result.elapsedMs) * 1000)} comments/s\n`);
        results.push(result);
      }

      const row = (label: string, f: (r: WriteResult) => string) => [label, ...results.map(f)];
      tables.push({
        title: `(b) ${SUBMISSIONS} comment submissions to ${path}, ${clients} concurrent clients, ${servers.length} server process${servers.length > 1 ? 'es' : ''}, one database`,
        headers: ['', 'no-JS form POST (the brief)', 'JavaScript fetch (Next-Action)'],
        rows: [
          row('comments/s', (r) => formatRate((SUBMISSIONS / r.elapsedMs) * 1000)),
          row('elapsed', (r) => `${(r.elapsedMs / 1000).toFixed(1)} s`),
          row('server CPU per comment (all servers)', (r) => formatMs(r.cpuPerComment)),
          row(
            'latency p50 / p99',
            (r) =>
              `${formatMs(
                percentile(
                  r.responses.map((x) => x.ms),
                  50,
                ),
              )} / ${formatMs(
                percentile(
                  r.responses.map((x) => x.ms),
                  99,
                ),
              )}`,
          ),
          row('HTTP statuses', (r) =>
            tally(
              r.responses.map((x) => (x.error ? `error(${x.error})` : x.redirectStatus ? `${x.redirectStatus}→${x.status}` : x.status)),
            ),
          ),
          row('answered "awaiting moderation"', (r) => `${r.succeeded} of ${SUBMISSIONS}`),
          row('stored exactly once (DB)', (r) => `${r.exactlyOnce} of ${SUBMISSIONS}`),
          row('duplicate rows / missing', (r) => `${r.duplicates} / ${r.missing}`),
          row('stored status', (r) => r.statuses),
          row('5xx / SQLITE_BUSY in body', (r) => `${r.serverErrors} / ${r.busyInResponses}`),
          row('"could not be saved" answers', (r) => String(r.saveFailed)),
        ],
      });
      for (const r of results) {
        const what = `(b) ${r.mode}`;
        if (r.serverErrors > 0) problems.push(`${what}: ${r.serverErrors} responses were 5xx`);
        if (r.busyInResponses > 0) problems.push(`${what}: ${r.busyInResponses} responses contained SQLITE_BUSY`);
        const failedRequests = r.responses.filter((x) => x.error);
        if (failedRequests.length > 0) problems.push(`${what}: ${failedRequests.length} requests failed (${failedRequests[0]!.error})`);
        if (r.missing > 0) problems.push(`${what}: ${r.missing} valid submissions were not stored`);
        if (r.duplicates > 0) problems.push(`${what}: ${r.duplicates} submissions were stored more than once`);
        if (r.succeeded !== SUBMISSIONS)
          problems.push(`${what}: only ${r.succeeded} of ${SUBMISSIONS} answers said the comment awaits moderation`);
        if (r.statuses !== `pending×${SUBMISSIONS}`)
          problems.push(`${what}: stored statuses ${r.statuses} (expected all pending: spam means a stamp or rule misfired)`);
        const rate = (SUBMISSIONS / r.elapsedMs) * 1000;
        notes.push(`(b) ${r.mode}: ${formatRate(rate)} comments/s against the target of 500/s: ${rate >= 500 ? 'met' : 'NOT met'}`);
      }
      const busyLogged = logMentions(servers, 'SQLITE_BUSY');
      const storeFailed = logMentions(servers, 'could not store a comment');
      notes.push(
        '(b) server CPU per comment: user + system CPU of every next-server process during the posts, divided by the submissions; ' +
          'with C cores the servers cannot exceed C × 1000 / (that figure) comments/s however quiet the machine.',
      );
      notes.push(`(b) server logs: ${busyLogged} mentions of SQLITE_BUSY, ${storeFailed} "could not store a comment" errors`);
      if (busyLogged > 0 || storeFailed > 0)
        problems.push(`(b) the server logs show ${busyLogged} SQLITE_BUSY and ${storeFailed} failed stores`);
    } finally {
      db.$client.close();
    }
    return { table: tables, notes, problems };
  },
};
