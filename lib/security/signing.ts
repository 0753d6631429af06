import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 of `value` under `purpose`, so a signature made for one use is useless for another. */
export function sign(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\n${value}`).digest('base64url');
}

export function verify(secret: string, purpose: string, value: string, signature: string): boolean {
  const expected = Buffer.from(sign(secret, purpose, value));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** `value.signature`, for cookies and form fields. */
export function seal(secret: string, purpose: string, value: string): string {
  return `${value}.${sign(secret, purpose, value)}`;
}

export function unseal(secret: string, purpose: string, sealed: string | undefined | null): string | null {
  if (!sealed) return null;
  const dot = sealed.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = sealed.slice(0, dot);
  return verify(secret, purpose, value, sealed.slice(dot + 1)) ? value : null;
}
