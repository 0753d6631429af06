import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

// A TCP port nobody listens on right now: a probe listens on port 0 (every interface, so both
// loopback addresses a localhost site binds are checked), the OS picks a port, and the probe
// closes again. The probe runs as a tiny child process, so the same code serves callers that can
// await and playwright.config.ts, which cannot.

const PROBE =
  "const s = require('node:net').createServer(); s.listen(0, () => { process.stdout.write(String(s.address().port)); s.close(); });";

function portFrom(output: string): number {
  const port = Number(output.trim());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`the free-port probe printed "${output}"`);
  return port;
}

export async function freePort(): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', PROBE], { encoding: 'utf8' });
  return portFrom(stdout);
}

/** The same as freePort, for code that cannot await (Playwright evaluates its config synchronously). */
export function freePortSync(): number {
  return portFrom(execFileSync(process.execPath, ['-e', PROBE], { encoding: 'utf8' }));
}
