import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from './env';

// A production server of a spec's own (the same build as the Playwright-managed one), for specs
// that must restart a server or run it with other settings. On its own database and port.

const SERVER_SCRIPT = path.join(ROOT, 'scripts', 'server.mjs');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface OwnServer {
  pid: number;
  exited: Promise<number | string | null>;
  /** Signals the whole process group. */
  kill(signal: NodeJS.Signals): void;
}

/**
 * Starts `scripts/server.mjs` on `port` with `DATABASE_PATH` (migrated and seeded when new) and
 * the given environment, and resolves once it answers. Throws, with the log's path, if it exits or
 * does not answer within two minutes.
 */
export async function startOwnServer({ port, databasePath, logPath, env = {} }: { port: number; databasePath: string; logPath: string; env?: Record<string, string> }): Promise<OwnServer> {
  const log = fs.openSync(logPath, 'a');
  const child = spawn(process.execPath, [SERVER_SCRIPT, '-p', String(port)], {
    cwd: ROOT,
    // Its own process group, so one kill(-pid) takes the server and anything it started.
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      SITE_URL: `http://localhost:${port}`,
      DATABASE_PATH: databasePath,
      ...env,
    },
  });
  fs.closeSync(log);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const server: OwnServer = {
    pid: child.pid!,
    exited,
    kill: (signal) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        /* already gone */
      }
    },
  };
  let done: number | string | null | undefined;
  void exited.then((c) => (done = c));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (done !== undefined) throw new Error(`the server exited (${done}); see ${logPath}`);
    if (Date.now() > deadline) {
      server.kill('SIGKILL');
      throw new Error(`the server did not answer within 120 s; see ${logPath}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/robots.txt`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
