// Client addresses: parsing, loopback, trusted-proxy ranges, and the keys per-IP limits count on.
// Plain JavaScript because scripts/server.mjs uses it before Next is loaded; the app imports the
// same module (types in ip.d.mts), so the server and the app agree on every rule.
import net from 'node:net';

/**
 * The address as bytes (4 for IPv4, 16 for IPv6), or null when it is not an IP address. An
 * IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, as a dual-stack socket reports IPv4 peers) is IPv4.
 */
export function parseIp(raw) {
  if (typeof raw !== 'string') return null;
  let text = raw.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (net.isIPv4(text)) return { family: 4, bytes: Uint8Array.from(text.split('.').map(Number)) };
  if (!net.isIPv6(text)) return null;
  const bytes = ipv6Bytes(text);
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? { family: 4, bytes: bytes.slice(12) } : { family: 6, bytes };
}

function ipv6Bytes(text) {
  // An IPv4 tail ("::ffff:1.2.3.4") is the last two groups.
  const v4 = text.match(/^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  const body = v4 ? `${v4[1]}${((+v4[2] << 8) | +v4[3]).toString(16)}:${((+v4[4] << 8) | +v4[5]).toString(16)}` : text;
  const [head, rest] = body.includes('::') ? body.split('::') : [body, undefined];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const groups = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  return bytes;
}

/** The canonical text of an address: dotted IPv4, or the eight IPv6 groups in lower-case hex. */
export function formatIp(ip) {
  if (ip.family === 4) return Array.from(ip.bytes).join('.');
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip.bytes[i] << 8) | ip.bytes[i + 1]).toString(16));
  return groups.join(':');
}

/** 127.0.0.0/8 and ::1 (also as IPv4-mapped), the addresses only this machine can connect from. */
export function isLoopback(raw) {
  const ip = parseIp(raw);
  if (!ip) return false;
  if (ip.family === 4) return ip.bytes[0] === 127;
  return ip.bytes.slice(0, 15).every((b) => b === 0) && ip.bytes[15] === 1;
}

/** A URL host name that only reaches this machine: `localhost` or a loopback address. */
export function isLoopbackHost(hostname) {
  return hostname === 'localhost' || isLoopback(hostname);
}

export const LOOPBACK_RANGES = 'loopback';

/**
 * Parses a comma-separated list of addresses and CIDR ranges ("10.0.0.5, 192.168.0.0/16, ::1,
 * 2001:db8::/32"); the word `loopback` stands for 127.0.0.0/8 and ::1. Returns the ranges, or the
 * first entry that is not valid.
 */
export function parseRanges(text) {
  const ranges = [];
  for (const entry of String(text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (entry === LOOPBACK_RANGES) {
      ranges.push({ family: 4, bytes: Uint8Array.of(127, 0, 0, 0), bits: 8 }, { family: 6, bytes: parseIp('::1').bytes, bits: 128 });
      continue;
    }
    const [address, prefix, extra] = entry.split('/');
    const ip = parseIp(address);
    const max = ip?.family === 4 ? 32 : 128;
    const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!ip || extra !== undefined || !(bits >= 0 && bits <= max)) return { ok: false, entry };
    ranges.push({ family: ip.family, bytes: ip.bytes, bits });
  }
  return { ok: true, ranges };
}

function sharesPrefix(a, b, bits) {
  for (let i = 0; i < bits; i++) {
    const mask = 0x80 >> (i % 8);
    if ((a[i >> 3] & mask) !== (b[i >> 3] & mask)) return false;
  }
  return true;
}

export function inRanges(raw, ranges) {
  const ip = parseIp(raw);
  return Boolean(ip && ranges.some((r) => r.family === ip.family && sharesPrefix(ip.bytes, r.bytes, r.bits)));
}

/**
 * The client's address for a request. The connection's own address, unless the proxy trust is on
 * and that connection comes from a trusted proxy: then X-Forwarded-For is read from the right,
 * each trusted hop skipped, and the first untrusted address is the client (what proxy-addr and
 * nginx's realip module do). An entry that is not an address ends the walk at the hop before it.
 */
export function clientAddress({ remoteAddress, forwardedFor, trustProxy, trustedRanges }) {
  const peer = parseIp(remoteAddress ?? '');
  let client = peer ? formatIp(peer) : 'unknown';
  if (!trustProxy || !peer || !inRanges(client, trustedRanges)) return client;
  const hops = String(forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseIp(hops[i]);
    if (!hop) return client;
    client = formatIp(hop);
    if (!inRanges(client, trustedRanges)) return client;
  }
  return client;
}

/**
 * What per-IP limits count: an IPv4 address, or an IPv6 /64 (one subscriber line gets a whole /64,
 * so counting single IPv6 addresses would let one person rotate through 2^64 of them). `range` is
 * the IPv6 /48 for a looser cap on the whole site or customer; IPv4 has none.
 */
export function limitKeys(raw) {
  const ip = parseIp(raw);
  if (!ip) return { address: `other:${String(raw).slice(0, 100)}`, range: null };
  if (ip.family === 4) return { address: formatIp(ip), range: null };
  const hex = Buffer.from(ip.bytes).toString('hex');
  return { address: `${hex.slice(0, 16)}::/64`, range: `${hex.slice(0, 12)}::/48` };
}
