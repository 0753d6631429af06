#!/usr/bin/env node
// The production server: Next's request handler behind lib/cache/page-cache.mjs, which answers
// repeat requests for cached reader pages without entering Next. `npm start` runs this after
// building; tests and benchmarks run it too, so what they measure is what readers get.
import cluster from 'node:cluster';
import http from 'node:http';
import path from 'node:path';
import { serverProcesses, supervise } from '../lib/http/supervisor.mjs';

// With more than one process (WEB_CONCURRENCY, default one per core), this process only supervises
// them (lib/http/supervisor.mjs): each runs this same script as a cluster worker and goes on below.
const processes = serverProcesses(process.env.WEB_CONCURRENCY);
if (cluster.isPrimary && processes > 1) await supervise(processes);

// Before Next is loaded: it reads NODE_ENV as it starts.
process.env.NODE_ENV = 'production';
process.title = 'next-server (the ledger)';
const { default: next } = await import('next');
const { remember, serveFromCopy } = await import('../lib/cache/page-cache.mjs');
const { isLoopbackHost } = await import('../lib/security/ip.mjs');
const { serverStampsRequests, stampClient } = await import('../lib/security/client-address.mjs');
const { fixedSecurityHeaders, siteSecurityHeaders } = await import('../lib/security/http-headers.mjs');
const { mediaRootFromEnv, serveMediaFile } = await import('../lib/media/file-server.mjs');
const { compressResponse, precompressStatic, serveStaticAsset } = await import('../lib/http/compression.mjs');
const { applyCachePolicy } = await import('../lib/http/cache-policy.mjs');
const { hydrateOnIntent } = await import('../lib/http/hydrate-on-intent.mjs');

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
// The last occurrence wins, as with `next start` (npm start passes PORT first, then your options).
const option = (names) => {
  const i = args.findLastIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(option(['-p', '--port']) ?? process.env.PORT ?? 3000);
// On a localhost site the local mailbox shows sign-in links, so by default only this machine can
// connect (127.0.0.1 and ::1); a public site listens on every interface. -H or HOST decide otherwise.
const siteUrl = process.env.SITE_URL || `http://localhost:${port}`;
const hostname = option(['-H', '--hostname']) ?? (process.env.HOST || undefined);
const listenOn = hostname ? [hostname] : isLoopbackHost(new URL(siteUrl).hostname) ? ['127.0.0.1', '::1'] : [undefined];

const app = next({ dev: false, dir: root, port, hostname: hostname ?? 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

// Per-IP limits (comment flood, sign-ups, sign-in) and the local mailbox's loopback rule need the
// client's address: every request handed to Next gets one (stampClient below), from the connection
// or, with TRUST_PROXY=1, from the proxies in TRUSTED_PROXIES (lib/security/client-address.mjs),
// read after Next has loaded any .env file. A client reaching the port directly cannot choose it.
// (Under `next start`, instrumentation.ts stamps every request as it arrives instead.)
serverStampsRequests();

const siteHeaders = Object.entries(siteSecurityHeaders(siteUrl));
// Pictures already on disk go out from here (lib/media/file-server.mjs), with the headers Next's
// config would have given them.
const fixedHeaders = Object.fromEntries(fixedSecurityHeaders().map(({ key, value }) => [key, value]));
const media = { root: mediaRootFromEnv(), headers: fixedHeaders };
// The build's scripts and styles go out precompressed (brotli or gzip) from here; the codings are
// written once per build, in the background on the first start (lib/http/compression.mjs).
const staticAssets = { staticDir: path.join(root, '.next', 'static'), headers: fixedHeaders };
// Once per start: by this process alone, or by the first of several (the others would repeat it).
if (!cluster.isWorker || cluster.worker?.id === 1)
  precompressStatic(staticAssets.staticDir).then(
    (written) => written > 0 && console.log(`[server] compressed the build's static files (${written} codings written)`),
    (error) => console.error('[server] compressing the static files failed; they go out as they are', error),
  );

/**
 * Whether a file server of ours answered (pictures, build files). If it fails before sending
 * anything, Next answers instead (its route makes a picture not made yet, or says 404); after, the
 * connection is cut.
 */
async function answeredFromDisk(req, res, what, serve) {
  try {
    return await serve();
  } catch (error) {
    console.error(`[server] sending ${what} failed`, req.url, error);
    if (!res.headersSent) return false;
    res.destroy();
    return true;
  }
}

async function answer(req, res) {
  for (const [name, value] of siteHeaders) res.setHeader(name, value);
  if (req.url?.startsWith('/media/') && (await answeredFromDisk(req, res, 'a picture', () => serveMediaFile(req, res, media)))) return;
  if (
    req.url?.startsWith('/_next/static/') &&
    (await answeredFromDisk(req, res, 'a build file', () => serveStaticAsset(req, res, staticAssets)))
  )
    return;
  if (serveFromCopy(req, res)) return;
  stampClient(req);
  // Each wraps the ones before it: a reader page's scripts wait for the reader first, the cache
  // policy sets the final headers, a page copy keeps those bytes, and compression codes what goes
  // on the wire.
  compressResponse(req, res);
  remember(req, res);
  applyCachePolicy(req, res);
  hydrateOnIntent(req, res);
  // As `next start` does: an error Next did not answer itself becomes a 500, not a hung request.
  handle(req, res).catch((error) => {
    console.error('[server] request failed', req.method, req.url, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
}

const servers = [];
for (const [i, host] of listenOn.entries()) {
  const server = http.createServer(answer);
  server.keepAliveTimeout = 5000;
  const listening = await new Promise((resolve, reject) => {
    server.once('error', (error) => {
      // A machine without IPv6 has no ::1; 127.0.0.1 alone serves `localhost` there.
      if (i > 0 && error.code === 'EADDRNOTAVAIL') resolve(false);
      else reject(error);
    });
    server.listen(port, host, () => resolve(true));
  });
  if (listening) servers.push(server);
}
const where = listenOn[0] === undefined ? 'every interface' : listenOn.slice(0, servers.length).join(' and ');
console.log(`▲ The Ledger on ${siteUrl} (listening on ${where}, port ${port})`);

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => {
    for (const server of servers) server.close();
    process.exit(code);
  });
}
