import { env } from '@/lib/env';
import { verifyWebhookSignature } from '@/lib/mail/webhook-signature';
import { handleResendEvent } from '@/lib/mail/webhooks';

export const dynamic = 'force-dynamic';

/** Resend's signed delivery events (bounces, complaints, deliveries). The raw body is what is signed. */
export async function POST(request: Request) {
  if (!env.RESEND_WEBHOOK_SECRET) return new Response('Webhooks are not configured.', { status: 404 });
  const body = await request.text();
  const id = request.headers.get('svix-id');
  const check = verifyWebhookSignature({
    secret: env.RESEND_WEBHOOK_SECRET,
    id,
    timestamp: request.headers.get('svix-timestamp'),
    signature: request.headers.get('svix-signature'),
    body,
  });
  if (!check.ok) return new Response(`Refused: ${check.reason}.`, { status: 401 });
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return new Response('Body is not JSON.', { status: 400 });
  }
  const outcome = handleResendEvent({ messageId: id!, payload });
  if (outcome === 'invalid') return new Response('Not a Resend event.', { status: 400 });
  // A replay is acknowledged (so the sender stops retrying) and changes nothing.
  return Response.json({ ok: true, outcome });
}
