import 'server-only';
import { createHmac } from 'node:crypto';
import { headers } from 'next/headers';
import { limitKeys } from './ip.mjs';
import { keyFor } from './secret';

/**
 * The client's IP: the last X-Forwarded-For entry. The production server (scripts/server.mjs)
 * makes that entry trustworthy: it replaces the header with the one address it resolved, from the
 * connection or, from a proxy in TRUSTED_PROXIES, from the proxy's header.
 */
export function clientIpFrom(h: Headers): string {
  const forwarded = h.get('x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return last || h.get('x-real-ip') || 'unknown';
}

const hashKey = (key: string, secret: string) => createHmac('sha256', secret).update(`ip\n${key}`).digest('hex').slice(0, 32);

/**
 * A salted hash of what per-IP limits count for an address (the address for IPv4, its /64 for
 * IPv6): equal keys compare equal, but the address itself is never stored.
 */
export function hashIp(ip: string, secret = keyFor('limit-hashes')): string {
  return hashKey(limitKeys(ip).address, secret);
}

/** Who is asking, as limits see it: the address (or /64) hash, and the IPv6 /48 for a looser cap. */
export interface ClientKeys {
  ipHash: string;
  ipRangeHash: string | null;
}

export function clientKeysFor(ip: string, secret = keyFor('limit-hashes')): ClientKeys {
  const { address, range } = limitKeys(ip);
  return { ipHash: hashKey(address, secret), ipRangeHash: range ? hashKey(range, secret) : null };
}

export async function requestFingerprint(): Promise<ClientKeys & { userAgent: string | null }> {
  const h = await headers();
  return { ...clientKeysFor(clientIpFrom(h)), userAgent: h.get('user-agent')?.slice(0, 300) ?? null };
}
