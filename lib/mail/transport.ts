import 'server-only';
import { Resend } from 'resend';
import { env } from '@/lib/env';
import { parseRetryAfter, type SendFailure } from './retry';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  idempotencyKey: string;
}

export type SendResult = { ok: true; providerId: string } | ({ ok: false } & SendFailure);

export interface Transport {
  name: 'resend' | 'local';
  send(email: OutgoingEmail): Promise<SendResult>;
}

/**
 * Resend's SDK. It honours RESEND_BASE_URL (read when the client is created), so tests point it at
 * a fake API on 127.0.0.1. A network failure does not throw: the SDK returns `{ error }`.
 */
function resendTransport(apiKey: string): Transport {
  const client = new Resend(apiKey, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  return {
    name: 'resend',
    async send(email) {
      const signal = AbortSignal.timeout(env.MAIL_SEND_TIMEOUT_MS);
      try {
        const { data, error, headers } = await client.emails.send(
          { from: env.MAIL_FROM, to: email.to, subject: email.subject, html: email.html, text: email.text, headers: email.headers },
          // The SDK spreads request options into fetch(), so the signal bounds a hung request.
          { idempotencyKey: email.idempotencyKey, signal } as { idempotencyKey: string },
        );
        if (data?.id) return { ok: true, providerId: data.id };
        const status = typeof error?.statusCode === 'number' ? error.statusCode : null;
        return {
          ok: false,
          status,
          retryAfterMs: parseRetryAfter(headers?.['retry-after']),
          message: signal.aborted ? `no answer within ${env.MAIL_SEND_TIMEOUT_MS} ms` : (error?.message ?? 'unknown error'),
        };
      } catch (error) {
        return { ok: false, status: null, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

/** No provider configured: the email is kept in the outbox as delivered, and /dev/mail shows it. */
const localTransport: Transport = {
  name: 'local',
  async send(email) {
    return { ok: true, providerId: `local/${email.idempotencyKey}` };
  },
};

let cached: Transport | undefined;
export function getTransport(): Transport {
  cached ??= env.RESEND_API_KEY ? resendTransport(env.RESEND_API_KEY) : localTransport;
  return cached;
}

export const isLocalMailbox = () => !env.RESEND_API_KEY;
