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

export type BatchResult = { ok: true; providerIds: string[] } | ({ ok: false } & SendFailure);

export interface Transport {
  name: 'resend' | 'local';
  send(email: OutgoingEmail): Promise<SendResult>;
  /** Up to 100 emails in one request, under one Idempotency-Key for the whole request. */
  sendBatch(emails: Omit<OutgoingEmail, 'idempotencyKey'>[], idempotencyKey: string): Promise<BatchResult>;
}

function failureFrom(
  error: { statusCode?: number | null; message?: string } | null,
  headers: Record<string, string> | null | undefined,
  signal: AbortSignal,
): SendFailure {
  return {
    status: typeof error?.statusCode === 'number' ? error.statusCode : null,
    retryAfterMs: parseRetryAfter(headers?.['retry-after']),
    message: signal.aborted ? `no answer within ${env.MAIL_SEND_TIMEOUT_MS} ms` : (error?.message ?? 'unknown error'),
  };
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
        return { ok: false, ...failureFrom(error, headers, signal) };
      } catch (error) {
        return { ok: false, status: null, message: error instanceof Error ? error.message : String(error) };
      }
    },
    async sendBatch(emails, idempotencyKey) {
      const signal = AbortSignal.timeout(env.MAIL_SEND_TIMEOUT_MS);
      try {
        const { data, error, headers } = await client.batch.send(
          emails.map((e) => ({ from: env.MAIL_FROM, to: e.to, subject: e.subject, html: e.html, text: e.text, headers: e.headers })),
          { idempotencyKey, signal } as { idempotencyKey: string },
        );
        const ids = data?.data?.map((d) => d.id) ?? [];
        if (ids.length === emails.length) return { ok: true, providerIds: ids };
        if (data) return { ok: false, status: 502, message: `batch answered ${ids.length} ids for ${emails.length} emails` };
        return { ok: false, ...failureFrom(error, headers, signal) };
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
  async sendBatch(emails, idempotencyKey) {
    return { ok: true, providerIds: emails.map((_, i) => `local/${idempotencyKey}/${i}`) };
  },
};

let cached: Transport | undefined;
export function getTransport(): Transport {
  cached ??= env.RESEND_API_KEY ? resendTransport(env.RESEND_API_KEY) : localTransport;
  return cached;
}

export const isLocalMailbox = () => !env.RESEND_API_KEY;
