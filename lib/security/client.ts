import 'server-only';
import { createHmac } from 'node:crypto';
import { headers } from 'next/headers';
import { appSecret } from './secret';

/**
 * The client's IP as the nearest proxy saw it: the last X-Forwarded-For entry. Behind a reverse
 * proxy that appends the peer address (nginx `$proxy_add_x_forwarded_for`, Caddy, a CDN), that
 * entry cannot be forged. Served directly by `next start`, Next fills the header with the socket
 * address only when the client sent none, so a client can pick its own: per-IP limits are then
 * best effort, and the per-email limits still hold. The README says to run behind a proxy.
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
