import 'server-only';
import { sendCommentsDigestIfDue } from '@/lib/comments/digest';
import { env } from '@/lib/env';
import { deliverDueEmails } from '@/lib/mail/deliver';
import { tendSendingIssues } from '@/lib/newsletter/issues';
import { pruneRateLimitHits } from '@/lib/security/rate-limit';
import { listStaffEmails } from '@/lib/staff/queries';

type State = { timer?: NodeJS.Timeout; running?: boolean };
const state = ((globalThis as { __ledgerJobs?: State }).__ledgerJobs ??= {});

/** One pass of the periodic work: the moderators' digest, pruning, and delivery of due email. */
export async function runBackgroundJobs(): Promise<void> {
  if (state.running) return;
  state.running = true;
  try {
    await sendCommentsDigestIfDue({ recipients: listStaffEmails() });
    await tendSendingIssues();
    pruneRateLimitHits();
    await deliverDueEmails();
  } catch (error) {
    console.error('[jobs] background pass failed', error);
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
