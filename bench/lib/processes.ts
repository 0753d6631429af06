import fs from 'node:fs';
import { killAllGroupsNow, runCleanups } from '../../test/support/process-group';

// Every process the bench starts is a process group registered in test/support/process-group.ts,
// and ended when the bench ends, however it ends: normal exit, an error, Ctrl-C or a kill.

let exiting = false;

/** Runs the cleanups, then exits with `code`. Safe to call more than once. */
export async function exitAfterCleanup(code: number): Promise<never> {
  if (!exiting) {
    exiting = true;
    await runCleanups();
  }
  process.exit(code);
}

let handlersInstalled = false;
/** Ctrl-C, kill, uncaught errors: clean up first. The 'exit' hook is the last resort (sync only). */
export function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const signals: [NodeJS.Signals, number][] = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  for (const [signal, code] of signals) {
    process.on(signal, () => {
      if (exiting) return;
      console.error(`\n[bench] ${signal}: stopping the server and load generators…`);
      void exitAfterCleanup(code);
    });
  }
  process.on('uncaughtException', (error) => {
    console.error('[bench] uncaught error:', error);
    void exitAfterCleanup(1);
  });
  process.on('unhandledRejection', (error) => {
    console.error('[bench] unhandled rejection:', error);
    void exitAfterCleanup(1);
  });
  process.on('exit', killAllGroupsNow);
}

// ---- the process tree, from /proc ----

function readProc(pid: number, file: string): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  const stat = readProc(pid, 'stat');
  if (!stat) return null;
  // "pid (comm) state ppid …": comm may itself hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isFinite(ppid) ? ppid : null;
}

/** Every live descendant of `root`, breadth first. */
export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentOf(pid);
    if (ppid === null) continue;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const next = children.get(queue.shift()!) ?? [];
    out.push(...next);
    queue.push(...next);
  }
  return out;
}

export function commandLineOf(pid: number): string {
  return (readProc(pid, 'cmdline') ?? '').replace(/\0/g, ' ').trim();
}

/** Resident memory in bytes (VmRSS), or peak resident memory (VmHWM); null when the process is gone. */
export function memoryOf(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | null {
  const status = readProc(pid, 'status');
  const match = status?.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) * 1024 : null;
}

/**
 * CPU time (user + system) a process has used so far, in ms; null when it is gone. Differences
 * give the server's own cost of a request, which a busy machine distorts much less than latency.
 */
export function cpuMsOf(pid: number): number | null {
  const stat = readProc(pid, 'stat');
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Samples a process's VmRSS every `intervalMs` and keeps the peak. `peakSince(mark)` gives the
 * peak over a window, so a suite can report the memory of its own measurements.
 */
export class RssSampler {
  private samples: { at: number; rss: number }[] = [];
  private timer: NodeJS.Timeout;

  constructor(
    readonly pid: number,
    intervalMs = 250,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample() {
    const rss = memoryOf(this.pid);
    if (rss !== null) this.samples.push({ at: Date.now(), rss });
  }

  /** Highest sampled RSS in bytes since `since` (ms epoch), or over the whole life by default. */
  peakSince(since = 0): number | null {
    let peak: number | null = null;
    for (const s of this.samples) if (s.at >= since && (peak === null || s.rss > peak)) peak = s.rss;
    return peak;
  }

  get sampleCount(): number {
    return this.samples.length;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'n/a';
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}
