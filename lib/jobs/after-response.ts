import 'server-only';
import { after } from 'next/server';

/**
 * Runs `work` once the current response has been sent (at once outside a request, e.g. from a
 * command-line tool). A failure is logged with `label`, never left as an unhandled rejection: the
 * background sweep (lib/jobs/background.ts) takes the work up again on its next pass.
 */
export function runAfterResponse(label: string, work: () => Promise<unknown>): void {
  const run = () =>
    work().then(
      () => undefined,
      (error: unknown) => console.error(`[${label}] failed`, error),
    );
  try {
    after(run);
  } catch {
    void run();
  }
}
