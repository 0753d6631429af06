import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnGroup } from '../../test/support/process-group';
import { freePort } from '../../test/support/ports';
import { startVarnish, varnishdPath } from '../../test/support/varnish';
import { loadTest } from '../lib/load-test';
import type { Suite, SuiteReport } from '../lib/suite';
import { formatMs, formatRate } from '../lib/table';
import { newestPublishedSlug } from './reading';

// The serving tiers of deploy/README.md, measured in one run on this machine: the article page
// through the shipped Varnish (deploy/varnish/ledger.vcl), from the Node server alone, and, as the
// ceiling, nginx sending the same bytes from a file. While Varnish is under load the article's tag
// is purged once a second, and Varnish's own counter says how often it asked the site.

const SECRET = 'bench-purge-secret-0123456789';
const PURGE_EVERY_MS = 1000;
const GZIP = { 'Accept-Encoding': 'gzip' };

/** nginx in the foreground serving one folder on a loopback port: the fastest anything here can send bytes. */
async function startNginx(root: string, workDir: string) {
  const port = await freePort();
  const conf = path.join(workDir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `daemon off;
worker_processes auto;
pid ${path.join(workDir, 'nginx.pid')};
error_log ${path.join(workDir, 'nginx-error.log')};
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${workDir}; proxy_temp_path ${workDir}; fastcgi_temp_path ${workDir}; uwsgi_temp_path ${workDir}; scgi_temp_path ${workDir};
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${port};
    location / { root ${root}; default_type text/html; gzip_static on; }
  }
}
`,
  );
  const group = spawnGroup('nginx', ['-c', conf, '-p', workDir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      return { url, stop: () => group.stop() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await group.stop();
  throw new Error(`nginx did not start (${path.join(workDir, 'nginx-error.log')})`);
}

/** Varnish's count of requests it sent to the site. */
function backendRequests(instance: string): number {
  const out = execFileSync('varnishstat', ['-n', instance, '-1', '-f', 'MAIN.backend_req'], { encoding: 'utf8' });
  return Number(/MAIN\.backend_req\s+(\d+)/.exec(out)?.[1] ?? NaN);
}

export const tiers: Suite = {
  name: 'tiers',
  description: 'The article through the shipped Varnish, from Node alone, and from an nginx file; purges during load',
  async run({ startServer, options, workDir }): Promise<SuiteReport> {
    if (!varnishdPath()) throw new Error('varnishd is not installed: apt-get install varnish varnish-modules nginx');
    const cachePort = await freePort();
    const server = await startServer({
      env: { CACHE_PURGE_URLS: `http://127.0.0.1:${cachePort}/`, CACHE_PURGE_SECRET: SECRET },
    });
    const varnish = await startVarnish({ secret: SECRET, originPort: server.port, port: cachePort });
    const files = path.join(workDir, 'static');
    const slug = newestPublishedSlug(server.databasePath);
    const articlePath = `/articles/${slug}`;
    const problems: string[] = [];
    const notes: string[] = [];
    const rows: string[][] = [];
    try {
      // The same bytes for all three: the page as the site sends it to a client taking no coding.
      for (let i = 0; i < 3; i++) await fetch(`${server.baseUrl}${articlePath}`).then((r) => r.arrayBuffer());
      const html = Buffer.from(await (await fetch(`${server.baseUrl}${articlePath}`)).arrayBuffer());
      fs.mkdirSync(path.join(files, 'articles'), { recursive: true });
      fs.writeFileSync(path.join(files, 'articles', slug), html);
      // Browsers take gzip, and Varnish keeps pages gzipped (sending them as they are kept): all
      // three tiers are asked as a browser asks, nginx from a file compressed once, as the origin does.
      fs.writeFileSync(path.join(files, 'articles', `${slug}.gz`), zlib.gzipSync(html, { level: 6 }));
      const nginx = await startNginx(files, workDir);
      try {
        for (let i = 0; i < 3; i++) await fetch(`${varnish.baseUrl}${articlePath}`).then((r) => r.arrayBuffer());
        const tiersToMeasure = [
          { label: 'nginx, the same bytes from a file', url: `${nginx.url}${articlePath}` },
          { label: 'Varnish (deploy/varnish) in front of npm start', url: `${varnish.baseUrl}${articlePath}`, purge: true },
          { label: 'npm start alone (page copies)', url: `${server.baseUrl}${articlePath}` },
        ];
        const rates: number[] = [];
        for (const tier of tiersToMeasure) {
          let purges = 0;
          let timer: NodeJS.Timeout | undefined;
          const before = tier.purge ? backendRequests(varnish.instance) : 0;
          if (tier.purge) {
            timer = setInterval(() => {
              purges += 1;
              void fetch(varnish.purgeUrl, {
                method: 'PURGE',
                headers: { 'xkey-purge': `article:${slug}`, 'X-Purge-Secret': SECRET },
              }).then((r) => r.ok || problems.push(`a purge answered ${r.status}`));
            }, PURGE_EVERY_MS);
          }
          process.stdout.write(`[bench] ${tier.label}: ${options.seconds} s at ${options.connections} connections… `);
          const result = await loadTest(
            { url: tier.url, seconds: options.seconds, connections: options.connections, headers: GZIP },
            options.tool,
          );
          clearInterval(timer);
          process.stdout.write(`${formatRate(result.reqPerSec)} req/s\n`);
          rates.push(result.reqPerSec);
          if (result.non2xx > 0) problems.push(`${tier.label}: ${result.non2xx} of ${result.requests} responses were errors`);
          let origin = '-';
          if (tier.purge) {
            const asked = backendRequests(varnish.instance) - before;
            origin = `${asked} for ${purges} purges`;
            if (asked > purges + 1) problems.push(`Varnish asked the site ${asked} times for ${purges} purges: more than once per purge`);
          }
          rows.push([
            tier.label,
            formatRate(result.reqPerSec),
            formatMs(result.p50Ms),
            formatMs(result.p99Ms),
            String(result.non2xx),
            origin,
          ]);
        }
        const [file, cached] = rates as [number, number];
        notes.push(
          `Varnish serves ${Math.round((cached / file) * 100)}% of nginx's rate for the same ${Math.round(html.length / 1024)} KiB page (gzipped, as browsers take it), with the article purged every ${PURGE_EVERY_MS / 1000} s.`,
          '"asked the site" is Varnish\'s MAIN.backend_req during the run: at most one request per purge means readers waiting on a purged page share one fetch.',
        );
      } finally {
        await nginx.stop();
      }
    } finally {
      await varnish.stop();
    }
    return {
      table: { headers: ['tier', 'req/s', 'p50', 'p99', 'non-2xx', 'asked the site'], rows, numeric: [1, 2, 3, 4] },
      notes,
      problems,
    };
  },
};
