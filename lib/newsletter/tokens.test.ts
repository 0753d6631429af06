import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONFIRM_TOKEN_TTL_MS, hashToken, isWellFormedToken, newToken } from './tokens';

describe('newsletter tokens', () => {
  it('are 32 random bytes in URL-safe base64 (43 characters)', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newToken));
    expect(tokens.size).toBe(1000);
  });

  it('are stored only as their SHA-256', () => {
    const token = newToken();
    expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(newToken()));
  });

  it('last 48 hours', () => {
    expect(CONFIRM_TOKEN_TTL_MS).toBe(48 * 60 * 60 * 1000);
  });

  it('are recognised only in their exact shape', () => {
    const token = newToken();
    expect(isWellFormedToken(token)).toBe(true);
    for (const bad of [
      token.slice(1),
      `${token}A`,
      `${token.slice(0, 42)}=`,
      `${token.slice(0, 42)}+`,
      `${token.slice(0, 42)}/`,
      '',
      ' '.repeat(43),
      null,
      undefined,
      42,
      [token],
    ]) {
      expect(isWellFormedToken(bad), String(bad)).toBe(false);
    }
  });
});
