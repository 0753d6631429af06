import { Webhook } from 'standardwebhooks';

// Resend signs its webhooks with Svix, which follows the Standard Webhooks spec under svix-*
// header names: https://www.standardwebhooks.com/. The standardwebhooks package checks the
// signature (any of several, for secret rotation) and the five-minute tolerance.

export const MAX_WEBHOOK_AGE_S = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function verifyWebhookSignature({
  secret,
  id,
  timestamp,
  signature,
  body,
}: {
  secret: string;
  id: string | null;
  timestamp: string | null;
  signature: string | null;
  body: string;
}): SignatureCheck {
  if (!id || !timestamp || !signature) return { ok: false, reason: 'missing signature headers' };
  // The package reads "1.5e9" or "123.0" as a number; a signed timestamp is whole seconds.
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad timestamp' };
  try {
    new Webhook(secret).verify(body, { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature });
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    return {
      ok: false,
      reason: /timestamp too (old|new)/i.test(message) ? 'timestamp too old or in the future' : 'signature does not match',
    };
  }
}
