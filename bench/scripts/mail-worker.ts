// The `mail` suite's child process: the site's own outbox code, outside Next, on a scratch database.
// Run with the react-server condition (the lib modules import 'server-only'):
//
//   node --import tsx --conditions=react-server bench/scripts/mail-worker.ts enqueue <email.json> <count> <tag>
//   node --import tsx --conditions=react-server bench/scripts/mail-worker.ts deliver [seconds]
//
// DATABASE_PATH, RESEND_API_KEY, RESEND_BASE_URL and MAIL_RATE_PER_SECOND come from the environment.
// Each command prints JSON lines on stdout for the suite to read.
import fs from 'node:fs';
import { count, inArray } from 'drizzle-orm';
import { closeDb, getDb } from '../../db';
import { migrateDatabase } from '../../db/migrate';
import { emailOutbox } from '../../db/schema';
import { deliverDueEmails } from '../../lib/mail/deliver';
import { enqueueEmail } from '../../lib/mail/outbox';
import { deliverUntil } from '../../test/support/deliver-loop';

const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
const rss = () => process.memoryUsage().rss;
/** Peak resident memory of this process as the kernel counted it, in bytes. */
const maxRss = () => process.resourceUsage().maxRSS * 1024;

function enqueue(file: string, count: number, tag: string) {
  migrateDatabase();
  const email = JSON.parse(fs.readFileSync(file, 'utf8')) as { subject: string; html: string; text: string };
  const started = performance.now();
  getDb().transaction(
    (tx) => {
      for (let i = 0; i < count; i++)
        enqueueEmail(tx, { kind: 'bench', to: `mail-${tag}-${i}@example.com`, ...email, ref: `bench:${tag}` });
    },
    { behavior: 'immediate' },
  );
  say({ event: 'enqueued', count, ms: performance.now() - started });
}

function outstanding(): number {
  return (
    getDb()
      .select({ n: count() })
      .from(emailOutbox)
      .where(inArray(emailOutbox.status, ['queued', 'sending']))
      .get()?.n ?? 0
  );
}

async function deliver(seconds: number | null) {
  getDb(); // open the connection before the clock starts, as a running server has
  say({ event: 'ready', rss: rss() });
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const totals = { sent: 0, retry: 0, failed: 0 };
  const finish = (why: string) => {
    const cpu = process.cpuUsage(cpuAtStart);
    say({
      event: 'done',
      why,
      ms: performance.now() - started,
      cpuMs: (cpu.user + cpu.system) / 1000,
      ...totals,
      rss: rss(),
      maxRss: maxRss(),
    });
    closeDb();
    process.exit(0);
  };
  if (seconds !== null) setTimeout(() => finish('time'), seconds * 1000);
  // What the server's sweep does, back to back, until nothing is left (retries wait for their time).
  await deliverUntil({
    deliver: async () => {
      const report = await deliverDueEmails();
      // Counted as each pass ends: the time limit above may end the process mid-loop.
      totals.sent += report.sent;
      totals.retry += report.retry;
      totals.failed += report.failed;
      return report;
    },
    done: () => outstanding() === 0,
    pauseMs: 50,
    pauseOnlyWhenIdle: true,
  });
  finish('empty');
}

const [command, ...args] = process.argv.slice(2);
if (command === 'enqueue' && args.length === 3) enqueue(args[0]!, Number(args[1]), args[2]!);
else if (command === 'deliver') void deliver(args[0] ? Number(args[0]) : null);
else {
  console.error('usage: mail-worker.ts enqueue <email.json> <count> <tag> | deliver [seconds]');
  process.exit(2);
}
