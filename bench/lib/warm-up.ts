export const WARM_UP_REQUESTS = 5;

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
