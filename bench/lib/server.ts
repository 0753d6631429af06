import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { commandLineOf, descendantsOf, memoryOf, RssSampler, spawnGroup, type ProcessGroup } from './processes';

export const ROOT = path.resolve(__dirname, '..', '..');
export const TMP_DIR = path.join(ROOT, 'bench', '.tmp');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
// The production server `npm start` runs: Next behind the page copies of lib/cache/page-cache.mjs.
const SERVER_SCRIPT = path.join(ROOT, 'scripts', 'server.mjs');
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
      console.warn('[bench] warning: sources changed since the last `next build`; these figures are for that older build. Run `npm run build` first to measure the current code.');
    }
    return;
  }
  console.log('[bench] no production build (.next/BUILD_ID): running `next build`…');
  const build = spawnGroup(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, stdio: 'inherit', env: baseEnv() });
  const code = await build.exited;
  await build.stop(1000);
  if (code !== 0 || !fs.existsSync(BUILD_ID)) throw new Error(`next build failed (exit ${code}); nothing to measure`);
}

/** A port nobody listens on right now, on the loopback interface. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
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

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
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
 * Starts the production server (scripts/server.mjs) on a scratch database (migrated and seeded by instrumentation.ts when new) on
 * a free loopback port, and resolves once it answers. Throws, after stopping it, if it exits or
 * does not answer within `timeoutMs`.
 */
export async function startServer({
  label,
  workDir = makeWorkDir(label),
  databasePath = path.join(workDir, 'site.db'),
  logName = 'server.log',
  env = {},
  timeoutMs = 120_000,
}: StartServerOptions): Promise<RunningServer> {
  const port = await findFreePort();
  fs.mkdirSync(workDir, { recursive: true });
  const logPath = path.join(workDir, logName);
  const log = fs.openSync(logPath, 'a');
  const baseUrl = `http://127.0.0.1:${port}`;

  // BENCH_SERVER_NODE_ARGS passes options to the servers' node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const group: ProcessGroup = spawnGroup(process.execPath, [...nodeArgs, SERVER_SCRIPT, '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', log, log],
    env: {
      ...baseEnv(),
      NODE_ENV: 'production',
      // As behind a reverse proxy: the load comes from many "readers" on this one machine, each
      // with its own X-Forwarded-For (the flood rule allows one comment per IP in 15 s).
      TRUST_PROXY: '1',
      PORT: String(port),
      // Canonical URLs and Auth.js use localhost (Next rewrites 127.0.0.1 to it anyway).
      SITE_URL: `http://localhost:${port}`,
      DATABASE_PATH: databasePath,
      ...env,
    },
  });
  fs.closeSync(log);

  const fail = async (why: string): Promise<never> => {
    await group.stop();
    throw new Error(`the server did not start: ${why}\n--- last lines of ${logPath} ---\n${tail(logPath)}`);
  };

  let exitedWith: number | string | null = null;
  void group.exited.then((code) => (exitedWith = code));
  const deadline = Date.now() + timeoutMs;
  let ready = false;
  while (!ready) {
    if (exitedWith !== null) await fail(`the server exited (${exitedWith})`);
    if (Date.now() > deadline) await fail(`no answer on ${baseUrl} within ${timeoutMs / 1000} s`);
    let status: number | null = null;
    try {
      const res = await fetch(`${baseUrl}/robots.txt`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      // Not listening yet (or still migrating and seeding the database).
    }
    if (status === null) await sleep(250);
    else if (status === 200) ready = true;
    else await fail(`GET /robots.txt answered ${status}`);
  }

  let serverPid: number | null = null;
  for (let i = 0; i < 40 && serverPid === null; i++) {
    serverPid = findServerPid(group.pid);
    if (serverPid === null) await sleep(50);
  }
  if (serverPid === null) {
    console.warn('[bench] warning: no "next-server" process found; sampling the spawned process instead');
    serverPid = group.pid;
  }
  const pid = serverPid;
  const rss = new RssSampler(pid, 250);
  let stopped = false;

  return {
    baseUrl,
    port,
    databasePath,
    workDir,
    logPath,
    serverPid: pid,
    rss,
    kernelPeakRss: () => memoryOf(pid, 'VmHWM'),
    unexpectedExit: () => (stopped ? null : exitedWith),
    async stop() {
      stopped = true;
      rss.stop();
      await group.stop();
    },
  };
}
