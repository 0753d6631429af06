import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback proxy in front of the fake Resend API that answers some requests itself with 429 Too
// Many Requests (and a Retry-After), as Resend does when a team's rate limit is exceeded. The fake
// can hold only one failure plan at a time; this lets a suite combine its "one in five fails with
// 500" plan with 429s, without changing the fake that the end-to-end tests rely on.

export interface FlakyProxy {
  url: string;
  /** Every request that reached the proxy: when, and the status it got back. */
  log(): { at: number; status: number }[];
  close(): Promise<void>;
}

export async function startFlakyProxy({
  target,
  tooManyEvery,
  retryAfterSeconds = 1,
}: {
  /** The fake's base URL (http://127.0.0.1:PORT). */
  target: string;
  /** Answer request number k with 429 when k % tooManyEvery === 0 (0 never does). */
  tooManyEvery: number;
  retryAfterSeconds?: number;
}): Promise<FlakyProxy> {
  const upstream = new URL(target);
  if (!['127.0.0.1', 'localhost'].includes(upstream.hostname)) throw new Error(`the proxy only forwards to loopback, not ${target}`);
  const log: { at: number; status: number }[] = [];
  let seen = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen++;
      const at = Date.now();
      if (tooManyEvery > 0 && seen % tooManyEvery === 0) {
        log.push({ at, status: 429 });
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds) });
        res.end(JSON.stringify({ statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests (bench proxy)' }));
        return;
      }
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (up) => {
          log.push({ at, status: up.statusCode ?? 0 });
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      forward.on('error', (error) => {
        log.push({ at, status: 502 });
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ statusCode: 502, name: 'proxy_error', message: error.message }));
      });
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
