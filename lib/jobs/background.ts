import 'server-only';
import { publishDueArticles } from '@/lib/articles/schedule';
import { runScheduledBackup } from '@/lib/backup/runs';
import { deliverDuePurges } from '@/lib/cache/purges';
import { sendCommentsDigestIfDue } from '@/lib/comments/digest';
import { sendDueReplyNotifications } from '@/lib/comments/notifications';
import { env } from '@/lib/env';
import { getDb } from '@/db';
import { deliverDueEmails } from '@/lib/mail/deliver';
import { removeOldEmailBodies } from '@/lib/mail/outbox';
import { tendSendingIssues } from '@/lib/newsletter/issues';
import { forgetSentErasureNotices } from '@/lib/privacy/erase';
import { pruneDataRequests } from '@/lib/privacy/requests';
import { pruneRateLimitHits } from '@/lib/security/rate-limit';
import { listStaffEmails } from '@/lib/staff/queries';

type State = { timer?: NodeJS.Timeout; running?: boolean; scheduleTimer?: NodeJS.Timeout; backupTimer?: NodeJS.Timeout };
const state = ((globalThis as { __ledgerJobs?: State }).__ledgerJobs ??= {});

const JOBS: [name: string, run: () => unknown][] = [
  ['digest', () => sendCommentsDigestIfDue({ recipients: listStaffEmails('moderator') })],
  ['newsletter queuing', () => tendSendingIssues()],
  ['pruning', () => pruneRateLimitHits()],
  ['removing old email bodies', () => removeOldEmailBodies(getDb(), { keepDays: env.MAIL_KEEP_DAYS })],
  ['reply notifications', () => sendDueReplyNotifications()],
  ['mail delivery', () => deliverDueEmails()],
  ['forgetting erased addresses', () => forgetSentErasureNotices(getDb())],
  ['pruning my-data links', () => pruneDataRequests(getDb())],
  ['cache purges', () => deliverDuePurges()],
];

/**
 * One pass of the periodic work: the moderators' digest, queuing newsletter issues, pruning,
 * blanking old email bodies, reply notifications (digests wait for
 * room in the hour), delivery of due email, forgetting
 * the address of a sent erasure confirmation, expired my-data links, and purges owed to the shared caches. Each job on its own: one failing does not hold up the others.
 */
export async function runBackgroundJobs(): Promise<void> {
  if (state.running) return;
  state.running = true;
  try {
    for (const [name, run] of JOBS) {
      try {
        await run();
      } catch (error) {
        console.error(`[jobs] ${name} failed`, error);
      }
    }
  } finally {
    state.running = false;
  }
}

/**
 * Scheduled articles coming due, on a timer of its own: a mail pass can last minutes while the
 * provider is slow, and an article must go live within a minute of its time. Synchronous and quick
 * (one indexed UPDATE), so two ticks never overlap.
 */
function publishScheduled(): void {
  try {
    publishDueArticles();
  } catch (error) {
    console.error('[jobs] scheduled publishing failed', error);
  }
}

/**
 * The scheduled backup, on a timer of its own: the copy runs in a child process and may take
 * minutes on a large site. Whichever server process claims it first takes it (lib/backup/runs.ts).
 */
function backUpIfDue(): void {
  runScheduledBackup().catch((error) => console.error('[jobs] the backup check failed', error));
}

/** Starts the sweeps once per server process: now, then every MAIL_SWEEP_MS (at most a minute for the schedule and backups). */
export function startBackgroundJobs(): void {
  if (state.timer) return;
  state.backupTimer = setInterval(backUpIfDue, Math.min(env.MAIL_SWEEP_MS, 60_000));
  state.backupTimer.unref();
  backUpIfDue();
  state.scheduleTimer = setInterval(publishScheduled, Math.min(env.MAIL_SWEEP_MS, 60_000));
  state.scheduleTimer.unref();
  publishScheduled();
  state.timer = setInterval(() => void runBackgroundJobs(), env.MAIL_SWEEP_MS);
  state.timer.unref();
  void runBackgroundJobs();
}
