import { createHmac, timingSafeEqual } from 'node:crypto';

// Resend signs webhooks with Svix: HMAC-SHA256 over "<svix-id>.<svix-timestamp>.<raw body>" with
// the secret's bytes (base64 after the "whsec_" prefix); svix-signature lists "v1,<base64>" values.
// https://docs.svix.com/receiving/verifying-payloads/how-manual

export const MAX_WEBHOOK_AGE_S = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function verifyWebhookSignature({
  secret,
  id,
  timestamp,
  signature,
  body,
  now = Date.now(),
}: {
  secret: string;
  id: string | null;
  timestamp: string | null;
  signature: string | null;
  body: string;
  now?: number;
}): SignatureCheck {
  if (!id || !timestamp || !signature) return { ok: false, reason: 'missing signature headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad timestamp' };
  if (Math.abs(now / 1000 - Number(timestamp)) > MAX_WEBHOOK_AGE_S) return { ok: false, reason: 'timestamp too old or in the future' };
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  const matches = signature.split(' ').some((part) => {
    const [version, value] = part.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true } : { ok: false, reason: 'signature does not match' };
}

/** Signs like Svix does; for tests and for anyone wiring a local sender. */
export function signWebhook({ secret, id, timestamp, body }: { secret: string; id: string; timestamp: number; body: string }): string {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}
