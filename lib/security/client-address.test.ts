import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressFromStamp, CLIENT_HEADER, clientStamp, installClientAddressRule, stampClient } from './client-address.mjs';
import { parseRanges } from './ip.mjs';

// The rule every way of starting the site installs: a real HTTP server in this process, created
// before the rule is installed (as `next start` creates its server before instrumentation runs),
// reports what its listener sees.

let server: http.Server;
let base: string;
let seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ ...req.headers });
    res.end(addressFromStamp(req.headers[CLIENT_HEADER] as string | undefined) ?? 'unknown');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the client-address rule', () => {
  it('leaves nothing believable on a request it did not stamp: a client-written stamp is not an address', async () => {
    seen = [];
    const answer = await fetch(base, { headers: { [CLIENT_HEADER]: '127.0.0.1 made-up-token', 'X-Forwarded-For': '127.0.0.1' } });
    expect(await answer.text()).toBe('unknown');
  });

  it("once installed, gives every request the connection's address, whatever X-Forwarded-For or stamp the client sent", async () => {
    installClientAddressRule({ TRUST_PROXY: '0' });
    // Once per process: a second call changes nothing.
    installClientAddressRule({ TRUST_PROXY: '1' });
    seen = [];
    const answer = await fetch(base, {
      headers: { 'X-Forwarded-For': '203.0.113.9', 'X-Real-IP': '203.0.113.9', [CLIENT_HEADER]: '203.0.113.9 forged' },
    });
    expect(await answer.text()).toBe('127.0.0.1');
    expect(seen[0]!['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen[0]!['x-real-ip']).toBeUndefined();
  });

  it('believes X-Forwarded-For only from a trusted proxy, read from the right past each trusted hop', () => {
    const trusted = { trustProxy: true, trustedRanges: (parseRanges('loopback, 10.0.0.0/8') as { ranges: unknown[] }).ranges };
    const request = (remoteAddress: string, forwardedFor?: string) =>
      ({ socket: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as http.IncomingMessage;

    const viaProxies = request('127.0.0.1', '198.51.100.4, 10.1.2.3');
    expect(stampClient(viaProxies, trusted)).toBe('198.51.100.4');
    expect(addressFromStamp(viaProxies.headers[CLIENT_HEADER] as string)).toBe('198.51.100.4');
    expect(viaProxies.headers['x-forwarded-for']).toBe('198.51.100.4');

    expect(stampClient(request('192.0.2.50', '198.51.100.4'), trusted)).toBe('192.0.2.50');
    expect(stampClient(request('::ffff:127.0.0.1'), trusted)).toBe('127.0.0.1');
  });

  it('reads back only its own stamps', () => {
    expect(addressFromStamp(clientStamp('2001:db8::1'))).toBe('2001:db8::1');
    expect(addressFromStamp(`2001:db8::1 ${'x'.repeat(24)}`)).toBeNull();
    expect(addressFromStamp('2001:db8::1')).toBeNull();
    expect(addressFromStamp(undefined)).toBeNull();
  });
});
