import type { DeliveryReport } from '../../lib/mail/deliver';

// Delivering the outbox until a condition holds, the way the server's background sweep calls the
// deliverer again and again. The deliverer is passed in, so this module imports none of the app's
// code and works wherever that code was loaded (a unit test's module graph, a tsx child process).

export interface DeliverUntilOptions {
  /** lib/mail/deliver.ts deliverDueEmails, as the caller loaded it. */
  deliver: () => Promise<DeliveryReport>;
  /** Checked before every pass; the loop ends as soon as it holds. */
  done: () => boolean | Promise<boolean>;
  /** Runs after every pass (e.g. the sweep's tendSendingIssues). */
  afterPass?: () => unknown;
  /** The wait between passes, in ms. */
  pauseMs?: number;
  /** Wait only after a pass that sent, retried and failed nothing (retries not yet due). */
  pauseOnlyWhenIdle?: boolean;
  /** Give up after this many passes. */
  maxPasses?: number;
}

export interface DeliveryTotals extends DeliveryReport {
  passes: number;
  /** Whether `done` held in the end (false: maxPasses ran out first). */
  finished: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `deliver` until `done` holds, and adds up what the passes reported. */
export async function deliverUntil({
  deliver,
  done,
  afterPass,
  pauseMs = 10,
  pauseOnlyWhenIdle = false,
  maxPasses = Infinity,
}: DeliverUntilOptions): Promise<DeliveryTotals> {
  const totals: DeliveryTotals = { sent: 0, retry: 0, failed: 0, passes: 0, finished: false };
  let last: DeliveryReport | null = null;
  for (;;) {
    if (await done()) return { ...totals, finished: true };
    if (totals.passes >= maxPasses) return totals;
    if (last && (!pauseOnlyWhenIdle || last.sent + last.retry + last.failed === 0)) await sleep(pauseMs);
    last = await deliver();
    totals.passes++;
    totals.sent += last.sent;
    totals.retry += last.retry;
    totals.failed += last.failed;
    await afterPass?.();
  }
}
