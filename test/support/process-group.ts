import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

// Child processes started as the leader of a process group of their own (detached), so that one
// signal to the group ends them and everything they started (Next's workers, say), and a Ctrl-C
// in the terminal reaches them only through their parent. Each group is registered for cleanup:
// a harness (the bench) calls runCleanups() before it exits, however it exits.

type Cleanup = () => Promise<void> | void;
const cleanups = new Set<Cleanup>();
const groups = new Set<number>();

/** Registers work to do before the process exits; returns a function that unregisters it. */
export function onCleanup(fn: Cleanup): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Runs every registered cleanup, the latest first; a failing one does not stop the others. */
export async function runCleanups(): Promise<void> {
  const fns = [...cleanups].reverse();
  cleanups.clear();
  for (const fn of fns) {
    try {
      await fn();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}

export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is already gone.
  }
}

const groupAlive = (pgid: number) => signalGroup(pgid, 0);

/** For an 'exit' hook, which cannot wait: SIGKILL to every group still registered. */
export function killAllGroupsNow(): void {
  for (const pgid of groups) signalGroup(pgid, 'SIGKILL');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ProcessGroup {
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code (or the signal's name) when the group leader exits. */
  exited: Promise<number | string>;
  /** Sends `signal` to the whole group at once (SIGKILL for a crash, say). */
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM to the whole group, then SIGKILL after `graceMs` if anything is left. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a command as the leader of a new process group, registered for cleanup. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): ProcessGroup {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  groups.add(pid);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (error) => resolve(error.message));
  });
  let stopping: Promise<void> | null = null;
  const stop = (graceMs = 5000) =>
    (stopping ??= (async () => {
      signalGroup(pid, 'SIGTERM');
      const deadline = Date.now() + graceMs;
      while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
      if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
      groups.delete(pid);
    })());
  const unregister = onCleanup(() => stop());
  void exited.then(() => {
    // The leader is gone; its workers may not be. Leave the group in the registry until stop().
    if (!groupAlive(pid)) {
      groups.delete(pid);
      unregister();
    }
  });
  return { child, pid, exited, kill: (signal) => void signalGroup(pid, signal), stop };
}
