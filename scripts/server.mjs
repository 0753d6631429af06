#!/usr/bin/env node
// The production server: Next's request handler behind lib/cache/page-cache.mjs, which answers
// repeat requests for cached reader pages without entering Next. `npm start` runs this after
// building; tests and benchmarks run it too, so what they measure is what readers get.
import http from 'node:http';
import path from 'node:path';

// Before Next is loaded: it reads NODE_ENV as it starts.
process.env.NODE_ENV = 'production';
process.title = 'next-server (the ledger)';
const { default: next } = await import('next');
const { remember, serveFromCopy } = await import('../lib/cache/page-cache.mjs');

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
// The last occurrence wins, as with `next start` (npm start passes PORT first, then your options).
const option = (names) => {
  const i = args.findLastIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(option(['-p', '--port']) ?? process.env.PORT ?? 3000);
// Like `next start`: every interface unless a host name is given.
const hostname = option(['-H', '--hostname']);

// Per-IP limits (comment flood, sign-ups, sign-in) hash the last X-Forwarded-For entry
// (lib/security/client.ts). Behind a reverse proxy that appends the client's address, that entry
// is the proxy's word: TRUST_PROXY=1 keeps the header. Without one, a client could write the header
// itself, so it is replaced by the address of the connection. (lib/env.ts validates the value.)
const trustProxy = ['1', 'true'].includes(process.env.TRUST_PROXY ?? '');
function setClientAddress(req) {
  if (trustProxy) return;
  req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  delete req.headers['x-real-ip'];
}

const app = next({ dev: false, dir: root, port, hostname: hostname ?? 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  if (serveFromCopy(req, res)) return;
  setClientAddress(req);
  remember(req, res);
  // As `next start` does: an error Next did not answer itself becomes a 500, not a hung request.
  handle(req, res).catch((error) => {
    console.error('[server] request failed', req.method, req.url, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.keepAliveTimeout = 5000;
server.listen(port, hostname, () => {
  console.log(`▲ The Ledger on http://${hostname ?? 'localhost'}:${port}`);
});

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    server.close();
    process.exit(code);
  });
}
