import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';
import { freePort } from './ports';
import { spawnGroup, type ProcessGroup } from './process-group';

// A production server of the app, as `npm start` runs it (scripts/server.mjs: Next behind the
// page copies of lib/cache/page-cache.mjs), from the existing build, on its own port and SQLite
// file (migrated and seeded by instrumentation.ts when new). For end-to-end specs that restart a
// server or run it with other settings, and for the benchmarks.

const SERVER_SCRIPT = path.join(ROOT, 'scripts', 'server.mjs');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

export interface AppServerOptions {
  databasePath: string;
  /** The server's output goes here (appended). */
  logPath: string;
  /** A free one when omitted. */
  port?: number;
  /** `--hostname` for scripts/server.mjs; by default it decides from SITE_URL. */
  hostname?: string;
  /** Over the defaults (NODE_ENV, PORT, SITE_URL=http://localhost:PORT, DATABASE_PATH) and this process's environment. */
  env?: Record<string, string | undefined>;
  /** Options for the server's node, e.g. --cpu-prof. */
  nodeArgs?: string[];
  timeoutMs?: number;
  /**
   * `npm start`'s server (scripts/server.mjs, the default), or Next's own `next start` with
   * nothing of ours in front: what an operator gets who starts the site that way.
   */
  via?: 'npm start' | 'next start';
}

export interface AppServer {
  port: number;
  /** The loopback address it answers on; SITE_URL may name localhost instead. */
  baseUrl: string;
  databasePath: string;
  logPath: string;
  /** Leader of the server's process group (see process-group.ts). */
  pid: number;
  /** Resolves with the exit code (or signal) of the server. */
  exited: Promise<number | string>;
  /** How it exited, or null while it runs. */
  exitStatus(): number | string | null;
  /** Signals the whole process group (SIGKILL plays a crash). */
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after a grace period; resolves when the group is gone. */
  stop(): Promise<void>;
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the server and resolves once GET /robots.txt answers 200 (it answers without rendering a
 * page). Stops it again and throws, with the end of its log, if it exits, answers anything else,
 * or has not answered within `timeoutMs`.
 */
export async function startAppServer({
  databasePath,
  logPath,
  port,
  hostname,
  env = {},
  nodeArgs = [],
  timeoutMs = 120_000,
  via = 'npm start',
}: AppServerOptions): Promise<AppServer> {
  const listenPort = port ?? (await freePort());
  fs.mkdirSync(path.dirname(logPath), { recursive: true });
  const log = fs.openSync(logPath, 'a');
  const entry = via === 'next start' ? [NEXT_BIN, 'start'] : [SERVER_SCRIPT];
  const args = [...nodeArgs, ...entry, '--port', String(listenPort), ...(hostname ? ['--hostname', hostname] : [])];
  let group: ProcessGroup;
  try {
    group = spawnGroup(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(listenPort),
        // Canonical URLs and Auth.js use localhost (Next rewrites 127.0.0.1 to it anyway).
        SITE_URL: `http://localhost:${listenPort}`,
        DATABASE_PATH: databasePath,
        // One process unless the caller asks for more: memory and CPU figures are read from it.
        WEB_CONCURRENCY: '1',
        ...env,
      },
    });
  } finally {
    fs.closeSync(log);
  }

  let exitedWith: number | string | null = null;
  void group.exited.then((code) => (exitedWith = code));
  const baseUrl = `http://127.0.0.1:${listenPort}`;
  const fail = async (why: string): Promise<never> => {
    await group.stop();
    throw new Error(`the server did not start: ${why}\n--- last lines of ${logPath} ---\n${tail(logPath)}`);
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitedWith !== null) await fail(`it exited (${exitedWith})`);
    if (Date.now() > deadline) await fail(`no answer on ${baseUrl} within ${timeoutMs / 1000} s`);
    let status: number | null = null;
    try {
      const res = await fetch(`${baseUrl}/robots.txt`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      // Not listening yet (or still migrating and seeding the database).
    }
    if (status === 200) break;
    if (status !== null) await fail(`GET /robots.txt answered ${status}`);
    await sleep(250);
  }

  return {
    port: listenPort,
    baseUrl,
    databasePath,
    logPath,
    pid: group.pid,
    exited: group.exited,
    exitStatus: () => exitedWith,
    kill: group.kill,
    stop: () => group.stop(),
  };
}
