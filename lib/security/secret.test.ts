import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.AUTH_SECRET = 'unit-test-root-secret-0123456789abcdef';
});

import { clientKeysFor, hashIp } from './client';
import { keyFor } from './secret';

describe('keyFor', () => {
  it('derives one key per use from AUTH_SECRET, none of them the secret itself', () => {
    const purposes = ['auth', 'form-stamps', 'credentials', 'limit-hashes', 'erasure-hashes', 'commenter-links'] as const;
    const keys = purposes.map((p) => keyFor(p));
    expect(new Set(keys).size).toBe(purposes.length);
    for (const key of keys) {
      expect(key).not.toContain(process.env.AUTH_SECRET);
      expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    }
    // The same on every call and in every process.
    expect(keyFor('form-stamps')).toBe(keys[1]);
  });

  it('salts address hashes with their own key, not AUTH_SECRET', () => {
    const withRoot = createHmac('sha256', process.env.AUTH_SECRET!).update('ip\n198.51.100.4').digest('hex').slice(0, 32);
    expect(hashIp('198.51.100.4')).not.toBe(withRoot);
    expect(hashIp('198.51.100.4')).toBe(clientKeysFor('198.51.100.4').ipHash);
    expect(clientKeysFor('2001:db8::1')).toEqual({
      ipHash: hashIp('2001:db8::ffff'),
      ipRangeHash: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });
});
