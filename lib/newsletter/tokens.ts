import { createHash, randomBytes } from 'node:crypto';

export const CONFIRM_TOKEN_TTL_MS = 48 * 60 * 60 * 1000;

/** 32 random bytes, URL-safe. Only the hash is stored; the token itself lives in the email. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as it may appear in a URL: 43 base64url characters. */
export const isWellFormedToken = (token: unknown): token is string => typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
