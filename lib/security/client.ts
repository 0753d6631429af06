import 'server-only';
import { createHmac } from 'node:crypto';
import { headers } from 'next/headers';
import { addressFromStamp, CLIENT_HEADER } from './client-address.mjs';
import { limitKeys } from './ip.mjs';
import { keyFor } from './secret';

/**
 * The client's IP, as the client-address rule resolved it for this request
 * (lib/security/client-address.mjs, installed by every way of starting the site), or "unknown"
 * for a request it did not stamp: never an address the client wrote itself.
 */
export function clientIpFrom(h: Headers): string {
  return addressFromStamp(h.get(CLIENT_HEADER)) ?? 'unknown';
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
