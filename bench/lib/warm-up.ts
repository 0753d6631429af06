import http from 'node:http';

export const WARM_UP_REQUESTS = 5;

/** What a browser asks for: every browser accepts gzip and brotli (wrk and curl do not unless told). */
export const BROWSER_ENCODING = { 'Accept-Encoding': 'gzip, deflate, br' };

/**
 * Bytes on the wire for one GET (the body as sent, compressed or not) and its Content-Encoding.
 * fetch() would decode the body, so this uses node:http.
 */
export function transferSize(url: string, headers: Record<string, string> = {}): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

export interface WarmUp {
  status: number;
  cache: string;
  bytes: number;
  body: string;
}

/**
 * Requests a page a few times, one after another, so the measurement sees the steady state (an ISR
 * page rendered and cached, code paths compiled), and reports what the last answer looked like.
 */
export async function warmUp(url: string, requests = WARM_UP_REQUESTS, headers: Record<string, string> = {}): Promise<WarmUp> {
  let last: WarmUp | null = null;
  for (let i = 0; i < requests; i++) {
    const res = await fetch(url, { redirect: 'manual', headers, signal: AbortSignal.timeout(30_000) });
    const body = await res.text();
    last = { status: res.status, cache: res.headers.get('x-nextjs-cache') ?? '-', bytes: Buffer.byteLength(body), body };
    if (res.status !== 200) break;
  }
  return last!;
}

/**
 * transferSize once the answer is what a browser gets: a page copy's brotli coding is made off the
 * event loop after the first request that asks for it (lib/cache/page-cache.mjs), so the first
 * answers are gzip. Waits up to 2 s for it.
 */
export async function settledTransferSize(url: string, headers: Record<string, string> = {}): Promise<{ bytes: number; encoding: string }> {
  let wire = await transferSize(url, headers);
  const wantsBrotli = /\bbr\b/.test(headers['Accept-Encoding'] ?? '');
  for (let i = 0; i < 20 && wantsBrotli && wire.encoding !== 'br'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    wire = await transferSize(url, headers);
  }
  return wire;
}
