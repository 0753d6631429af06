// Every core: `npm start` runs WEB_CONCURRENCY server processes (default: one per core) on one
// port, through Node's cluster module, and starts a new one whenever one dies. The processes share
// the SQLite file; what must happen once (an email, a scheduled article, a backup) is claimed in
// the database, so it happens once whichever process gets there first.
//
// Plain JavaScript: scripts/server.mjs runs without a TypeScript step.
import cluster from 'node:cluster';
import os from 'node:os';

/** WEB_CONCURRENCY as a number of processes: unset or empty means one per core. */
export function serverProcesses(value, cores = os.availableParallelism()) {
  if (value === undefined || value.trim() === '') return Math.max(1, cores);
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${value}"`);
  return n;
}

/** How long to wait before starting a replacement, given the deaths in the last minute: a crash loop slows down. */
export function restartDelay(exitsInLastMinute) {
  return exitsInLastMinute <= 3 ? 0 : Math.min(30_000, 1000 * 2 ** (exitsInLastMinute - 4));
}

/**
 * Runs as the cluster's primary: starts the first process (it migrates and seeds the database),
 * the others once it listens, replaces any that dies, and stops them all on SIGINT or SIGTERM.
 * Never resolves: the process lives as long as its workers.
 */
export function supervise(processes) {
  process.title = 'ledger supervisor';
  let stopping = false;
  const exits = [];
  const workerCount = () => Object.keys(cluster.workers ?? {}).length;

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (workerCount() === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    exits.push(now);
    while (exits.length > 0 && exits[0] < now - 60_000) exits.shift();
    const delay = restartDelay(exits.length);
    console.error(
      `[server] process ${worker.process.pid} ended (${signal ?? `exit ${code}`}); starting another${delay ? ` in ${delay / 1000} s` : ''}`,
    );
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, delay);
  });

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      if (workerCount() === 0) process.exit(code);
      setTimeout(() => process.exit(code), 10_000).unref();
    });
  }

  // The others start once one process listens: the first, or its replacement if it died starting.
  cluster.once('listening', () => {
    for (let i = 1; i < processes; i++) cluster.fork();
    console.log(`[server] ${processes} server processes (WEB_CONCURRENCY), supervisor ${process.pid}`);
  });
  cluster.fork();
  return new Promise(() => {});
}
