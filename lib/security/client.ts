import 'server-only';
import { createHmac } from 'node:crypto';
import { headers } from 'next/headers';
import { appSecret } from './secret';

/**
 * The client's IP: the last X-Forwarded-For entry. The production server (scripts/server.mjs)
 * makes that entry trustworthy: behind a reverse proxy that appends the peer address (nginx
 * `$proxy_add_x_forwarded_for`, Caddy, a CDN) it keeps the header when TRUST_PROXY=1; otherwise it
 * replaces the header with the connection's own address, so a client cannot pick its IP.
 */
export function clientIpFrom(h: Headers): string {
  const forwarded = h.get('x-forwarded-for');
  const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  return last || h.get('x-real-ip') || 'unknown';
}

/** A salted hash of an IP: equal IPs compare equal, but the address itself is never stored. */
export function hashIp(ip: string, secret = appSecret()): string {
  return createHmac('sha256', secret).update(`ip\n${ip}`).digest('hex').slice(0, 32);
}

export async function requestFingerprint(): Promise<{ ipHash: string; userAgent: string | null }> {
  const h = await headers();
  return { ipHash: hashIp(clientIpFrom(h)), userAgent: h.get('user-agent')?.slice(0, 300) ?? null };
}
