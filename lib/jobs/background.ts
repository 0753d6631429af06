import 'server-only';
import { publishDueArticles } from '@/lib/articles/schedule';
import { sendCommentsDigestIfDue } from '@/lib/comments/digest';
import { env } from '@/lib/env';
import { getDb } from '@/db';
import { deliverDueEmails } from '@/lib/mail/deliver';
import { removeOldEmailBodies } from '@/lib/mail/outbox';
import { tendSendingIssues } from '@/lib/newsletter/issues';
import { pruneRateLimitHits } from '@/lib/security/rate-limit';
import { listStaffEmails } from '@/lib/staff/queries';

type State = { timer?: NodeJS.Timeout; running?: boolean };
const state = ((globalThis as { __ledgerJobs?: State }).__ledgerJobs ??= {});

const JOBS: [name: string, run: () => unknown][] = [
  ['scheduled publishing', () => publishDueArticles()],
  ['digest', () => sendCommentsDigestIfDue({ recipients: listStaffEmails() })],
  ['newsletter queuing', () => tendSendingIssues()],
  ['pruning', () => pruneRateLimitHits()],
  ['removing old email bodies', () => removeOldEmailBodies(getDb(), { keepDays: env.MAIL_KEEP_DAYS })],
  ['mail delivery', () => deliverDueEmails()],
];

/**
 * One pass of the periodic work: scheduled articles coming due, the moderators' digest, queuing newsletter issues, pruning,
 * blanking old email bodies, and delivery of due email. Each job on its own: one failing does not hold up the others.
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

/** Starts the sweep once per server process: now, then every MAIL_SWEEP_MS. */
export function startBackgroundJobs(): void {
  if (state.timer) return;
  state.timer = setInterval(() => void runBackgroundJobs(), env.MAIL_SWEEP_MS);
  state.timer.unref();
  void runBackgroundJobs();
}
