import { describe, expect, it } from 'vitest';
import { clientAddress, inRanges, isLoopback, isLoopbackHost, limitKeys, parseRanges } from './ip.mjs';

const ranges = (text: string) => {
  const parsed = parseRanges(text);
  if (!parsed.ok) throw new Error(`not valid: ${parsed.entry}`);
  return parsed.ranges;
};

describe('isLoopback', () => {
  it('is true for 127.0.0.0/8 and ::1, also IPv4-mapped, and for nothing else', () => {
    for (const ip of ['127.0.0.1', '127.255.0.9', '::1', '::ffff:127.0.0.1', '[::1]', '0:0:0:0:0:0:0:1'])
      expect(isLoopback(ip), ip).toBe(true);
    for (const ip of ['128.0.0.1', '10.0.0.1', '0.0.0.0', '::', '::2', '::ffff:10.0.0.1', 'fe80::1', 'localhost', '', 'unknown'])
      expect(isLoopback(ip), ip).toBe(false);
  });

  it('knows which URL hosts are this machine', () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['news.example.org', 'localhost.example.org', '192.168.1.2']) expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe('parseRanges and inRanges', () => {
  it('reads addresses, CIDR ranges and the word loopback', () => {
    const list = ranges('loopback, 10.0.0.0/8, 192.168.1.7, 2001:db8::/32');
    for (const ip of ['127.0.0.1', '::1', '10.200.3.4', '192.168.1.7', '2001:db8:ffff::1', '::ffff:10.0.0.1'])
      expect(inRanges(ip, list), ip).toBe(true);
    for (const ip of ['11.0.0.1', '192.168.1.8', '2001:db9::1', 'garbage']) expect(inRanges(ip, list), ip).toBe(false);
  });

  it('names the first entry that is not valid', () => {
    expect(parseRanges('10.0.0.0/8, 10.0.0.0/33')).toEqual({ ok: false, entry: '10.0.0.0/33' });
    expect(parseRanges('nginx')).toEqual({ ok: false, entry: 'nginx' });
    expect(parseRanges('1.2.3.4/8/9')).toEqual({ ok: false, entry: '1.2.3.4/8/9' });
  });
});

describe('clientAddress', () => {
  const trustedRanges = ranges('loopback, 10.0.0.0/8');

  it('is the connection itself without TRUST_PROXY, whatever the header says', () => {
    expect(clientAddress({ remoteAddress: '::ffff:198.51.100.4', forwardedFor: '127.0.0.1', trustProxy: false, trustedRanges })).toBe(
      '198.51.100.4',
    );
  });

  it('ignores the header from a connection that is not a trusted proxy', () => {
    expect(clientAddress({ remoteAddress: '203.0.113.9', forwardedFor: '127.0.0.1', trustProxy: true, trustedRanges })).toBe('203.0.113.9');
  });

  it('from a trusted proxy, takes the rightmost address that is not a trusted proxy', () => {
    expect(
      clientAddress({ remoteAddress: '127.0.0.1', forwardedFor: '1.1.1.1, 198.51.100.4, 10.0.0.7', trustProxy: true, trustedRanges }),
    ).toBe('198.51.100.4');
    expect(clientAddress({ remoteAddress: '::1', forwardedFor: '2001:db8::5', trustProxy: true, trustedRanges })).toBe(
      '2001:db8:0:0:0:0:0:5',
    );
  });

  it('stops at an entry that is not an address, and keeps the last trusted hop', () => {
    expect(clientAddress({ remoteAddress: '127.0.0.1', forwardedFor: 'evil, 10.0.0.7', trustProxy: true, trustedRanges })).toBe('10.0.0.7');
    expect(clientAddress({ remoteAddress: '127.0.0.1', forwardedFor: undefined, trustProxy: true, trustedRanges })).toBe('127.0.0.1');
  });
});

describe('limitKeys', () => {
  it('counts IPv4 by address', () => {
    expect(limitKeys('198.51.100.4')).toEqual({ address: '198.51.100.4', range: null });
    expect(limitKeys('::ffff:198.51.100.4')).toEqual({ address: '198.51.100.4', range: null });
  });

  it('counts IPv6 by its /64, with the /48 for the looser cap', () => {
    const a = limitKeys('2001:db8:1:2:aaaa::1');
    expect(limitKeys('2001:db8:1:2:ffff:ffff:ffff:ffff')).toEqual(a);
    expect(a.range).toBe(limitKeys('2001:db8:1:ffff::1').range);
    expect(limitKeys('2001:db8:1:3::1').address).not.toBe(a.address);
    expect(limitKeys('2001:db8:2::1').range).not.toBe(a.range);
  });
});
