import fs from 'node:fs';
import path from 'node:path';
import { render } from '@react-email/components';
import { createElement } from 'react';
import { startFakeResend, type FakeResend } from '../../test/support/fake-resend';
import ConfirmSubscription, { confirmSubscriptionSubject } from '../../emails/confirm-subscription';
import { spawnGroup } from '../../test/support/process-group';
import { formatBytes, RssSampler } from '../lib/processes';
import { ROOT } from '../../test/support/paths';
import { maxInWindow } from '../lib/stats';
import type { Suite, SuiteReport } from '../lib/suite';
import { formatMs, formatRate } from '../lib/table';

// 1,000 queued emails delivered by the site's deliverer (lib/mail/deliver.ts)
// to the fake Resend API with the rate limit lifted (emails/s and the deliverer's peak memory),
// then the same with the default limit for BENCH_SECONDS, showing the rate holds.
//
// The deliverer runs as its own process (bench/scripts/mail-worker.ts) on a scratch database, so
// its memory is its own; the fake Resend API runs in this process, on 127.0.0.1.

const QUEUED = 1_000;
const DEFAULT_RATE = 4; // lib/env.ts MAIL_RATE_PER_SECOND default
const WORKER = path.join(ROOT, 'bench', 'scripts', 'mail-worker.ts');

interface WorkerEvent {
  event: string;
  [key: string]: unknown;
}

/** Runs the worker to the end, sampling its memory; resolves with its JSON events. */
async function runWorker(args: string[], env: Record<string, string>, timeoutMs: number) {
  const child = spawnGroup(process.execPath, ['--import', 'tsx', '--conditions=react-server', WORKER, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  const sampler = new RssSampler(child.pid, 50);
  let out = '';
  let err = '';
  child.child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const guard = setTimeout(() => void child.stop(1000), timeoutMs);
  const code = await child.exited;
  clearTimeout(guard);
  sampler.stop();
  await child.stop(1000);
  const events = out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as WorkerEvent);
  if (code !== 0) throw new Error(`mail worker ${args[0]} exited with ${code}:\n${err.slice(-3000)}`);
  return { events, sampledPeak: sampler.peakSince(), stderr: err };
}

const eventOf = (events: WorkerEvent[], name: string) => {
  const e = events.find((x) => x.event === name);
  if (!e) throw new Error(`the mail worker printed no "${name}" event`);
  return e;
};

function arrivals(fake: FakeResend, tag: string): number[] {
  return fake
    .emails()
    .filter((e) => e.to.some((to) => to.startsWith(`mail-${tag}-`)))
    .map((e) => e.at)
    .sort((a, b) => a - b);
}

function distinctRecipients(fake: FakeResend, tag: string): { distinct: number; total: number } {
  const list = fake.emails().flatMap((e) => e.to.filter((to) => to.startsWith(`mail-${tag}-`)));
  return { distinct: new Set(list).size, total: list.length };
}

export const mail: Suite = {
  name: 'mail',
  description: `${QUEUED} queued emails through the deliverer to a fake Resend, limit lifted; then the default ${DEFAULT_RATE}/s limit`,
  async run({ workDir, options }): Promise<SuiteReport> {
    const notes: string[] = [];
    const problems: string[] = [];
    const databasePath = path.join(workDir, 'mail.db');

    // A real confirmation email (about the size every newsletter email has), rendered once.
    const brand = { name: 'The Ledger', url: 'http://localhost:3000', postalAddress: 'The Ledger, 1 Example Street, London EC1A 1AA' };
    const element = createElement(ConfirmSubscription, { brand, confirmUrl: 'http://localhost:3000/newsletter/confirm?token=bench' });
    const email = {
      subject: confirmSubscriptionSubject({ brand }),
      html: await render(element),
      text: await render(element, { plainText: true }),
    };
    const emailFile = path.join(workDir, 'email.json');
    fs.writeFileSync(emailFile, JSON.stringify(email));
    notes.push(
      `each email is a rendered confirmation email: ${(Buffer.byteLength(email.html) / 1024).toFixed(1)} KiB HTML + ${(Buffer.byteLength(email.text) / 1024).toFixed(1)} KiB text`,
    );

    const fake = await startFakeResend();
    try {
      const env = {
        DATABASE_PATH: databasePath,
        RESEND_API_KEY: 're_bench_fake',
        RESEND_BASE_URL: fake.url,
        MAIL_SEND_TIMEOUT_MS: '15000',
      };

      // 1. The limit lifted: how fast does the deliverer empty a queue of 1,000?
      await runWorker(['enqueue', emailFile, String(QUEUED), 'unlimited'], env, 120_000);
      process.stdout.write(`[bench] delivering ${QUEUED} emails, rate limit lifted… `);
      const unlimited = await runWorker(['deliver'], { ...env, MAIL_RATE_PER_SECOND: '0' }, 300_000);
      const ready = eventOf(unlimited.events, 'ready');
      const done = eventOf(unlimited.events, 'done');
      const ms = Number(done.ms);
      const rate = (Number(done.sent) / ms) * 1000;
      process.stdout.write(`${formatRate(rate)} emails/s\n`);
      const got = distinctRecipients(fake, 'unlimited');
      const times = arrivals(fake, 'unlimited');
      if (Number(done.sent) !== QUEUED)
        problems.push(
          `lifted limit: the deliverer sent ${String(done.sent)} of ${QUEUED} (failed ${String(done.failed)}, retried ${String(done.retry)})`,
        );
      if (got.distinct !== QUEUED || got.total !== QUEUED)
        problems.push(`lifted limit: the fake received ${got.total} emails for ${got.distinct} recipients, expected ${QUEUED} once each`);

      // 2. The default limit for BENCH_SECONDS: more queued than it may send, so it never runs dry.
      const limit = DEFAULT_RATE;
      const seconds = options.seconds;
      const queued = Math.ceil(limit * seconds * 2) + 20;
      await runWorker(['enqueue', emailFile, String(queued), 'limited'], env, 120_000);
      process.stdout.write(`[bench] delivering with the default limit (${limit}/s) for ${seconds} s… `);
      const limited = await runWorker(['deliver', String(seconds)], { ...env, MAIL_RATE_PER_SECOND: String(limit) }, (seconds + 60) * 1000);
      const limitedTimes = arrivals(fake, 'limited');
      const span = limitedTimes.length > 1 ? limitedTimes.at(-1)! - limitedTimes[0]! : 0;
      // n emails sent on a fixed slot every 1/limit s span (n - 1) intervals.
      const achieved = span > 0 ? ((limitedTimes.length - 1) / span) * 1000 : 0;
      const busiest = maxInWindow(limitedTimes, 1000);
      process.stdout.write(`${formatRate(achieved)} emails/s\n`);
      if (achieved > limit * 1.05) problems.push(`default limit: achieved ${achieved.toFixed(2)} emails/s, above the ${limit}/s limit`);
      // Arrival times carry scheduling jitter on a loaded machine: check the busiest 5 s (at most
      // 5 × limit + 1), and print the busiest single second beside it.
      const busiest5 = maxInWindow(limitedTimes, 5000);
      if (busiest5 > limit * 5 + 1)
        problems.push(`default limit: ${busiest5} emails arrived within 5 s (limit ${limit}/s, so at most ${limit * 5 + 1})`);
      if (achieved < limit * 0.8)
        notes.push(
          `default limit: achieved ${achieved.toFixed(2)} emails/s, well under the ${limit}/s allowed: the deliverer is slower than its limit`,
        );

      const doneLimited = eventOf(limited.events, 'done');
      return {
        table: [
          {
            title: `deliverer (lib/mail/deliver.ts deliverDueEmails) → fake Resend on 127.0.0.1`,
            headers: [
              'run',
              'emails',
              'time',
              'emails/s',
              'CPU per email',
              'busiest 1 s / 5 s',
              'RSS at start',
              'peak RSS (sampled)',
              'peak RSS (kernel)',
            ],
            rows: [
              [
                'limit lifted (MAIL_RATE_PER_SECOND=0)',
                `${String(done.sent)} of ${QUEUED}`,
                `${(ms / 1000).toFixed(2)} s`,
                formatRate(rate),
                formatMs(Number(done.cpuMs) / Number(done.sent)),
                `${maxInWindow(times, 1000)} / ${maxInWindow(times, 5000)}`,
                formatBytes(Number(ready.rss)),
                formatBytes(unlimited.sampledPeak),
                formatBytes(Number(done.maxRss)),
              ],
              [
                `default limit (${limit}/s), ${seconds} s`,
                `${limitedTimes.length} of ${queued}`,
                `${(span / 1000).toFixed(2)} s`,
                achieved.toFixed(2),
                formatMs(Number(doneLimited.cpuMs) / Math.max(1, limitedTimes.length)),
                `${busiest} / ${busiest5}`,
                formatBytes(Number(eventOf(limited.events, 'ready').rss)),
                formatBytes(limited.sampledPeak),
                formatBytes(Number(doneLimited.maxRss)),
              ],
            ],
            numeric: [3, 4, 5, 6, 7, 8],
          },
        ],
        notes: [
          ...notes,
          'emails/s (limit lifted) = emails sent / time from the first claim to an empty queue, inside the deliverer; ' +
            'with the limit, it is (emails - 1) / time from the first to the last arrival at the fake.',
          'CPU per email: user + system CPU time of the deliverer process while delivering, divided by the emails that arrived (steadier than emails/s on a busy machine).',
          'RSS is of the deliverer process (node, the tsx loader and the site\'s mail code); "RSS at start" is after its imports, before the first claim.',
          'busiest 1 s / 5 s: most arrivals at the fake in any 1 s / 5 s window. Slots are 1/limit s apart when reserved; a late timer or a busy core can put more than the limit into one second.',
          ...(problems.length === 0
            ? [
                `every email arrived once: ${QUEUED} with the limit lifted; the limit held at ${achieved.toFixed(2)}/s (busiest second: ${busiest})`,
              ]
            : []),
        ],
        problems,
      };
    } finally {
      await fake.close();
    }
  },
};
