import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, lte, sql } from 'drizzle-orm';
import { articles, emailOutbox, newsletterIssueArticles, newsletterIssues, subscribers } from '../../db/schema';
import { openSiteDb, type SiteDb } from '../../test/support/site-db';
import { startFakeResend } from '../../test/support/fake-resend';
import { findForm, postForm } from '../../test/support/forms';
import { cpuMsOf, formatBytes, memoryOf } from '../lib/processes';
import { insertStaffSession } from '../lib/scratch-db';
import { maxInWindow, sleep, tally } from '../lib/stats';
import type { Suite, SuiteReport } from '../lib/suite';
import { formatMs, formatRate } from '../lib/table';

// A send to 10,000 subscribers against the fake Resend API with the rate
// limit lifted, printing emails/s and the peak memory of the server.
//
// The real thing end to end: one production server whose mail goes to the fake (in this process, on
// 127.0.0.1) with MAIL_RATE_PER_SECOND=0; an admin starts the send by posting the dashboard's
// confirm form (/admin/newsletters/<id>?confirm=1) as a browser without JavaScript does, and the
// server queues the rows (lib/newsletter/issues.ts queueIssueRecipients, 500 per transaction) and
// delivers them (lib/mail/deliver.ts, batches of up to 100, kicked after each chunk and by the
// background sweep every MAIL_SWEEP_MS) while the suite watches the database and the fake.

const SUBSCRIBERS = 10_000;
const ARTICLES = 3;
const MAX_BATCH = 100; // Resend's batch endpoint limit
/** Give up when nothing new reaches the fake, or is queued, for this long. */
const STALL_MS = 60_000;
const POLL_MS = 100;

interface Seeded {
  issueId: number;
  /** email → unsubscribe token, for every seeded subscriber */
  tokens: Map<string, string>;
  ms: number;
}

function seed(db: SiteDb, actor: string): Seeded {
  const articleIds = db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.status, 'published'), lte(articles.publishedAt, new Date())))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(ARTICLES)
    .all()
    .map((r) => r.id);
  if (articleIds.length < ARTICLES)
    throw new Error(`only ${articleIds.length} published articles in the scratch database, need ${ARTICLES}`);
  const started = performance.now();
  const now = new Date();
  const p = (name: string) => sql.placeholder(name);
  const tokens = new Map<string, string>();
  const issueId = db.transaction((tx) => {
    // One prepared statement for every row, as lib/mail/outbox.ts queues a mass send.
    const insertSubscriber = tx
      .insert(subscribers)
      .values({
        email: p('email'),
        status: 'confirmed',
        unsubscribeToken: p('unsubscribeToken'),
        consentSource: '/',
        consentAt: p('at'),
        ipHash: p('ipHash'),
        createdAt: p('at'),
        updatedAt: p('at'),
        confirmedAt: p('confirmedAt'),
      })
      .prepare();
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const at = now.getTime() - 86_400_000 - (SUBSCRIBERS - i) * 60_000; // confirmed in the past, oldest first
      const email = `news-${i}@example${i % 20}.com`;
      const token = randomBytes(32).toString('base64url'); // 43 url-safe characters, as the site makes them
      tokens.set(email, token);
      insertSubscriber.run({
        email,
        unsubscribeToken: token,
        at: new Date(at),
        ipHash: `bench-ip-${i % 5000}`,
        confirmedAt: new Date(at + 600_000),
      });
    }
    const { id } = tx
      .insert(newsletterIssues)
      .values({
        subject: 'The Ledger weekly: council budget special',
        intro: 'This week: the budget, the contract and what the council did not say.\n\nRead on.',
        status: 'draft',
        createdBy: actor,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: newsletterIssues.id })
      .get();
    tx.insert(newsletterIssueArticles)
      .values(articleIds.map((articleId, position) => ({ issueId: id, articleId, position })))
      .run();
    return id;
  });
  db.$client.pragma('optimize');
  return { issueId, tokens, ms: performance.now() - started };
}

interface OutboxCounts {
  rows: number;
  sent: number;
  failed: number;
  open: number;
}

function outboxCounts(db: SiteDb, issueId: number): OutboxCounts {
  const rows = db
    .select({ status: emailOutbox.status, n: count() })
    .from(emailOutbox)
    .where(eq(emailOutbox.groupKey, `issue:${issueId}`))
    .groupBy(emailOutbox.status)
    .all();
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number | undefined>;
  return {
    rows: rows.reduce((sum, r) => sum + r.n, 0),
    sent: by.sent ?? 0,
    failed: by.failed ?? 0,
    open: (by.queued ?? 0) + (by.sending ?? 0),
  };
}

function issueRow(db: SiteDb, issueId: number) {
  const row = db
    .select({ status: newsletterIssues.status, queuedAt: newsletterIssues.queuedAt, recipientCount: newsletterIssues.recipientCount })
    .from(newsletterIssues)
    .where(eq(newsletterIssues.id, issueId))
    .get()!;
  return { ...row, queuedAt: row.queuedAt?.getTime() ?? null };
}

export const newsletter: Suite = {
  name: 'newsletter',
  description: `an issue sent by an admin to ${SUBSCRIBERS.toLocaleString('en-GB')} subscribers through the real server, fake Resend, limit lifted`,
  async run({ startServer }): Promise<SuiteReport> {
    const notes: string[] = [];
    const problems: string[] = [];
    const fake = await startFakeResend();
    try {
      const sweepMs = process.env.MAIL_SWEEP_MS ?? '500';
      const server = await startServer({
        env: { RESEND_API_KEY: 're_bench', RESEND_BASE_URL: fake.url, MAIL_RATE_PER_SECOND: '0', MAIL_SWEEP_MS: sweepMs },
      });
      const db = openSiteDb(server.databasePath);
      try {
        const admin = insertStaffSession(db, { role: 'admin' });
        const { issueId, tokens, ms: seedMs } = seed(db, admin.email);
        const confirmed = db
          .select({ n: count() })
          .from(subscribers)
          .where(and(eq(subscribers.status, 'confirmed'), lte(subscribers.confirmedAt, new Date())))
          .get()!.n;
        notes.push(
          `seeded ${SUBSCRIBERS} confirmed subscribers and a draft issue of ${ARTICLES} articles in ${formatMs(seedMs)}; confirmed subscribers in the database: ${confirmed}`,
        );
        // Whatever the demo seed or a sign-in sent before the send starts is not the issue's.
        fake.reset();

        // The dashboard's confirm step, as a browser without JavaScript: GET the page, post its form.
        const pageUrl = `${server.baseUrl}/admin/newsletters/${issueId}?confirm=1`;
        const headers = { Cookie: admin.cookie, 'User-Agent': 'ledger-bench' };
        const page = await fetch(pageUrl, { headers, redirect: 'manual' });
        const html = await page.text();
        if (page.status !== 200) throw new Error(`GET ${pageUrl} answered ${page.status} for the admin`);
        const form = findForm(html, 'Yes, send to');
        if (!form.fields.some(([name, value]) => name === 'id' && value === String(issueId)))
          throw new Error(`the confirm form carries no id=${issueId}`);

        const serverCpuBefore = cpuMsOf(server.serverPid);
        const rssBefore = memoryOf(server.serverPid);
        const t0 = Date.now();
        process.stdout.write(`[bench] sending issue ${issueId} to ${confirmed} subscribers… `);
        const post = await postForm(pageUrl, form.fields, headers, 120_000);
        const answeredAt = Date.now();
        if (post.status !== 200) problems.push(`the confirm POST answered ${post.status || post.error}`);
        else if (!post.body.includes('Sending has started.')) problems.push('the confirm POST answered 200 without "Sending has started."');

        // Watch the database (read-only, WAL: it blocks no writer) and the fake until all is sent.
        let queuedSeenAt: number | null = null;
        let lastChange = Date.now();
        let lastKey = '';
        let counts = outboxCounts(db, issueId);
        let issue = issueRow(db, issueId);
        let doneAt: number | null = null;
        let markedSentAt: number | null = null;
        for (;;) {
          counts = outboxCounts(db, issueId);
          issue = issueRow(db, issueId);
          const now = Date.now();
          if (issue.queuedAt !== null && queuedSeenAt === null) queuedSeenAt = now;
          if (doneAt === null && issue.queuedAt !== null && counts.open === 0) doneAt = now;
          if (issue.status === 'sent') {
            markedSentAt = now;
            break;
          }
          const key = `${counts.rows}/${counts.sent}/${counts.failed}/${fake.requests().length}`;
          if (key !== lastKey) {
            lastKey = key;
            lastChange = now;
          } else if (now - lastChange > STALL_MS) {
            problems.push(
              `stalled: nothing changed for ${STALL_MS / 1000} s with ${counts.rows} rows queued, ${counts.sent} sent, ${counts.failed} failed, ${counts.open} open; issue ${issue.status}`,
            );
            break;
          }
          await sleep(POLL_MS);
        }
        const serverCpu = serverCpuBefore !== null ? (cpuMsOf(server.serverPid) ?? serverCpuBefore) - serverCpuBefore : null;
        const endAt = doneAt ?? Date.now();
        const peak = server.rss.peakSince(t0);

        // What reached the provider.
        const requests = fake.requests();
        const batches = requests.filter((r) => r.path === '/emails/batch');
        const singles = requests.filter((r) => r.path === '/emails');
        const sizes = batches.map((r) => (Array.isArray(r.body) ? r.body.length : 0));
        const statuses = tally(requests.map((r) => r.status));
        const emails = fake.emails().filter((e) => e.to.some((to) => tokens.has(to)));
        const times = emails.map((e) => e.at).sort((a, b) => a - b);
        const first = times[0] ?? t0;
        const last = times.at(-1) ?? t0;
        const steadyRate = times.length > 1 ? ((times.length - 1) / (last - first)) * 1000 : 0;
        const overallRate = times.length > 0 ? (times.length / (last - t0)) * 1000 : 0;

        // Every subscriber exactly once, each with their own unsubscribe token.
        const copies = new Map<string, number>();
        let wrongToken = 0;
        for (const e of emails) {
          for (const to of e.to) {
            copies.set(to, (copies.get(to) ?? 0) + 1);
            const token = tokens.get(to);
            if (token && !(e.html.includes(token) && (e.headers['List-Unsubscribe'] ?? '').includes(token))) wrongToken++;
          }
        }
        const missing = [...tokens.keys()].filter((to) => !copies.has(to)).length;
        const twice = [...copies.values()].filter((n) => n > 1).length;
        if (missing > 0) problems.push(`${missing} of ${SUBSCRIBERS} subscribers got no copy`);
        if (twice > 0) problems.push(`${twice} subscribers got more than one copy`);
        if (wrongToken > 0)
          problems.push(`${wrongToken} emails lack their recipient's own unsubscribe token in the HTML or List-Unsubscribe`);
        if (counts.sent !== confirmed)
          problems.push(
            `the outbox holds ${counts.sent} sent rows for the issue, expected ${confirmed} (${counts.failed} failed, ${counts.open} open)`,
          );
        if (issue.recipientCount !== confirmed) problems.push(`the issue counts ${issue.recipientCount} recipients, expected ${confirmed}`);
        const oversize = sizes.filter((n) => n > MAX_BATCH || n === 0).length;
        if (oversize > 0) problems.push(`${oversize} batch requests held 0 or more than ${MAX_BATCH} emails`);
        const errors = requests.filter((r) => r.status !== 200).length;
        if (errors > 0) problems.push(`${errors} provider requests were not answered 200 (${statuses})`);

        // The progress endpoint the dashboard polls, as the admin, once at the end.
        const progressRes = await fetch(`${server.baseUrl}/admin/newsletters/${issueId}/progress`, { headers });
        const progress = progressRes.ok ? ((await progressRes.json()) as { sent: number; done: boolean; recipients: number }) : null;
        if (!progress || !progress.done || progress.sent !== confirmed)
          problems.push(`/admin/newsletters/${issueId}/progress answered ${progressRes.status} ${JSON.stringify(progress)}`);

        const sizeTally = tally(sizes);
        process.stdout.write(`${formatRate(overallRate)} emails/s\n`);
        const s = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
        return {
          table: [
            {
              title: `send of issue ${issueId} (POST of the confirm form → server → fake Resend on 127.0.0.1), MAIL_RATE_PER_SECOND=0, MAIL_SWEEP_MS=${sweepMs}`,
              headers: [
                'subscribers',
                'action answered',
                'all queued',
                'first email',
                'last email',
                'emails/s (whole send)',
                'emails/s (first→last)',
                'server CPU/email',
                'server RSS before',
                'peak RSS during send',
              ],
              rows: [
                [
                  `${copies.size} of ${confirmed}`,
                  s(answeredAt - t0),
                  queuedSeenAt === null ? 'never' : `${s((issue.queuedAt ?? queuedSeenAt) - t0)}`,
                  times.length ? s(first - t0) : 'n/a',
                  times.length ? s(last - t0) : 'n/a',
                  formatRate(overallRate),
                  formatRate(steadyRate),
                  serverCpu === null || emails.length === 0 ? 'n/a' : formatMs(serverCpu / emails.length),
                  formatBytes(rssBefore),
                  formatBytes(peak),
                ],
              ],
              numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9],
            },
            {
              title: 'what reached the provider',
              headers: [
                'batch requests',
                'batch sizes (size×count)',
                'single sends',
                'statuses',
                'busiest 1 s',
                'outbox rows sent / failed / open',
                'issue marked sent',
              ],
              rows: [
                [
                  String(batches.length),
                  sizeTally || '-',
                  String(singles.length),
                  statuses || '-',
                  String(maxInWindow(times, 1000)),
                  `${counts.sent} / ${counts.failed} / ${counts.open}`,
                  markedSentAt === null
                    ? `no (${issue.status})`
                    : `${s(markedSentAt - t0)} (${s(markedSentAt - endAt)} after the last row)`,
                ],
              ],
              numeric: [0, 2, 4],
            },
          ],
          notes: [
            ...notes,
            'times are from the moment the confirm form was posted (t0). "action answered": the POST returned (the action renders the template once, counts recipients and answers with the re-rendered page; queuing is meant to run after the answer, but the background sweep starts it within MAIL_SWEEP_MS, so the answer competes with it). ' +
              '"all queued": queued_at as the server stored it (every row in the outbox).',
            "emails/s (whole send) = emails / (last arrival at the fake − t0); (first→last) = (emails − 1) / (last − first arrival), the delivery rate once mail flows. Both from the fake's own receive times.",
            'server CPU/email: user + system CPU of next-server from t0 to the end of the send, divided by the emails (queuing, claiming, materialising each email, the SDK, recording): it bounds the rate on 2 cores whatever else runs.',
            `peak RSS: VmRSS of next-server sampled every 250 ms from t0 (the table after this suite gives the whole run's peak and VmHWM).`,
            ...(problems.length === 0
              ? [
                  `every one of the ${SUBSCRIBERS} subscribers got exactly one copy, with their own unsubscribe token; every batch held at most ${MAX_BATCH}`,
                ]
              : []),
          ],
          problems,
        };
      } finally {
        db.$client.close();
      }
    } finally {
      await fake.close();
    }
  },
};
