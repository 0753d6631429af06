import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './paths';
import { freePort } from './ports';
import { spawnGroup, type ProcessGroup } from './process-group';

// The shipped Varnish tier (deploy/varnish/ledger.vcl), run as the deploy README says, in front of
// a test server: the VCL with the purge secret and the origin's port filled in. For the Varnish
// journey and the bench. Needs Debian's varnish and varnish-modules (.ci/run installs them).

export const SHIPPED_VCL = path.join(ROOT, 'deploy', 'varnish', 'ledger.vcl');

/** The varnishd binary, or null when Varnish is not installed here. */
export function varnishdPath(): string | null {
  for (const candidate of [process.env.VARNISHD_PATH, '/usr/sbin/varnishd', '/usr/local/sbin/varnishd']) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('sh', ['-c', 'command -v varnishd'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** The shipped VCL made ready for one site: its purge secret and the port its server listens on. */
export function renderVcl({ secret, originPort }: { secret: string; originPort: number }): string {
  const vcl = fs.readFileSync(SHIPPED_VCL, 'utf8');
  if (!vcl.includes('@CACHE_PURGE_SECRET@') || !vcl.includes('.port = "3000";')) {
    throw new Error(`${SHIPPED_VCL} no longer has the placeholders deploy/README.md tells operators to fill in`);
  }
  return vcl.replaceAll('@CACHE_PURGE_SECRET@', secret).replace('.port = "3000";', `.port = "${originPort}";`);
}

export interface Varnish {
  port: number;
  baseUrl: string;
  /** The URL the site's CACHE_PURGE_URLS names. */
  purgeUrl: string;
  group: ProcessGroup;
  /** varnishd's working directory (`-n`), for varnishstat and varnishadm. */
  instance: string;
  stop(): Promise<void>;
}

/**
 * Starts varnishd in the foreground on a free loopback port (or `port`) and resolves once it
 * answers. Its working directory is a new temporary one, removed on stop.
 */
export async function startVarnish({
  secret,
  originPort,
  port,
  storage = 'malloc,256m',
}: {
  secret: string;
  originPort: number;
  port?: number;
  storage?: string;
}): Promise<Varnish> {
  const varnishd = varnishdPath();
  if (!varnishd) throw new Error('varnishd is not installed: apt-get install varnish varnish-modules (.ci/run does)');
  const listen = port ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-varnish-'));
  fs.chmodSync(dir, 0o755);
  const vclFile = path.join(dir, 'ledger.vcl');
  fs.writeFileSync(vclFile, renderVcl({ secret, originPort }));
  const log = path.join(dir, 'varnishd.log');
  const out = fs.openSync(log, 'a');
  const instance = path.join(dir, 'work');
  const group = spawnGroup(varnishd, ['-F', '-a', `localhost:${listen}`, '-f', vclFile, '-n', instance, '-s', storage], {
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const baseUrl = `http://127.0.0.1:${listen}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await fetch(`${baseUrl}/robots.txt`, { signal: AbortSignal.timeout(2_000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await group.stop();
        throw new Error(`varnishd did not answer on ${baseUrl}:\n${fs.readFileSync(log, 'utf8').slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    port: listen,
    baseUrl,
    purgeUrl: `${baseUrl}/`,
    group,
    instance,
    stop: async () => {
      await group.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
