import fs from 'node:fs';
import path from 'node:path';
import { startAppServer } from '../../test/support/app-server';
import { ROOT } from '../../test/support/paths';
import { spawnGroup } from '../../test/support/process-group';
import { commandLineOf, descendantsOf, memoryOf, RssSampler } from './processes';

export const TMP_DIR = path.join(ROOT, 'bench', '.tmp');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const BUILD_ID = path.join(ROOT, '.next', 'BUILD_ID');
// The same list scripts/start.mjs watches: a newer file here means the build is stale.
const SOURCES = ['app', 'components', 'lib', 'db', 'emails', 'public', 'next.config.ts', 'package.json', 'instrumentation.ts', 'proxy.ts'];

const baseEnv = (): NodeJS.ProcessEnv => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' });

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/**
 * Builds with `next build` only when there is no build. A stale build is measured as it is (a
 * bench must not rebuild behind your back), with a warning, since its figures are for old code.
 */
export async function ensureBuild(): Promise<void> {
  if (fs.existsSync(BUILD_ID)) {
    const builtAt = fs.statSync(BUILD_ID).mtimeMs;
    const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
    if (changedAt > builtAt) {
      console.warn(
        '[bench] warning: sources changed since the last `next build`; these figures are for that older build. Run `npm run build` first to measure the current code.',
      );
    }
    return;
  }
  console.log('[bench] no production build (.next/BUILD_ID): running `next build`…');
  const build = spawnGroup(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, stdio: 'inherit', env: baseEnv() });
  const code = await build.exited;
  await build.stop(1000);
  if (code !== 0 || !fs.existsSync(BUILD_ID)) throw new Error(`next build failed (exit ${code}); nothing to measure`);
}

export interface RunningServer {
  /** Base URL for load: the loopback address the server is bound to, never anything else. */
  baseUrl: string;
  port: number;
  databasePath: string;
  workDir: string;
  logPath: string;
  /** The process that actually serves requests (next-server), found in the process tree. */
  serverPid: number;
  rss: RssSampler;
  /** Peak resident memory as the kernel counted it (VmHWM), a cross-check of the sampled peak. */
  kernelPeakRss(): number | null;
  /** How the server exited if it died on its own (a crash, or someone killed it); null while it runs. */
  unexpectedExit(): number | string | null;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The process that serves requests: scripts/server.mjs titles itself "next-server (the ledger)"
 * (`next start` would run it as a child titled "next-server"). Memory and CPU are read from it.
 */
function findServerPid(root: number): number | null {
  const tree = [root, ...descendantsOf(root)];
  const titled = tree.filter((pid) => commandLineOf(pid).startsWith('next-server'));
  if (titled.length > 0) return titled[titled.length - 1]!;
  return null;
}

export interface StartServerOptions {
  /** Names the scratch folder when `workDir` is not given. */
  label: string;
  /** Folder for the log (and, by default, the database). A fresh one under bench/.tmp/ if omitted. */
  workDir?: string;
  /**
   * The SQLite file. Defaults to `<workDir>/site.db`, so servers started for one suite share one
   * database (two server processes on one file, as in production with two workers).
   */
  databasePath?: string;
  /** Log file name inside workDir (default `server.log`; a second server needs its own). */
  logName?: string;
  /** Extra environment for this server (RESEND_BASE_URL, MAIL_*, …), over the bench's own. */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/** A fresh scratch folder under bench/.tmp/ for one suite's database and logs. */
export function makeWorkDir(label: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const workDir = path.join(TMP_DIR, `${label}-${stamp}-${process.pid}`);
  fs.mkdirSync(workDir, { recursive: true });
  return workDir;
}

/**
 * Starts the production server (test/support/app-server.ts) on a scratch database on a free
 * loopback port, as behind a reverse proxy, and watches the process that serves requests.
 */
export async function startServer({
  label,
  workDir = makeWorkDir(label),
  databasePath = path.join(workDir, 'site.db'),
  logName = 'server.log',
  env = {},
  timeoutMs = 120_000,
}: StartServerOptions): Promise<RunningServer> {
  const server = await startAppServer({
    databasePath,
    logPath: path.join(workDir, logName),
    hostname: '127.0.0.1',
    // BENCH_SERVER_NODE_ARGS passes options to the servers' node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    nodeArgs: (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
    timeoutMs,
    env: {
      // The load comes from many "readers" on this one machine, each with its own
      // X-Forwarded-For (the flood rule allows one comment per IP in 15 s).
      TRUST_PROXY: '1',
      ...env,
    },
  });

  let serverPid: number | null = null;
  for (let i = 0; i < 40 && serverPid === null; i++) {
    serverPid = findServerPid(server.pid);
    if (serverPid === null) await sleep(50);
  }
  if (serverPid === null) {
    console.warn('[bench] warning: no "next-server" process found; sampling the spawned process instead');
    serverPid = server.pid;
  }
  const pid = serverPid;
  const rss = new RssSampler(pid, 250);
  let stopped = false;

  return {
    baseUrl: server.baseUrl,
    port: server.port,
    databasePath,
    workDir,
    logPath: server.logPath,
    serverPid: pid,
    rss,
    kernelPeakRss: () => memoryOf(pid, 'VmHWM'),
    unexpectedExit: () => (stopped ? null : server.exitStatus()),
    async stop() {
      stopped = true;
      rss.stop();
      await server.stop();
    },
  };
}
