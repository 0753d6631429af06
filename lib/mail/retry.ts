// What to do after a failed send. Pure, so the policy is unit-tested without a clock or a network.

export const MAX_ATTEMPTS = 8;
const CAP_MS = 60 * 60 * 1000;

export type SendFailure = {
  /** HTTP status, or null for a network error or time-out. */
  status: number | null;
  /** Parsed Retry-After, in milliseconds. */
  retryAfterMs?: number | null;
  message: string;
};

export type RetryDecision = { action: 'retry'; delayMs: number } | { action: 'fail'; reason: string };

/** Full-jitter exponential backoff: a random delay up to base·2^(attempt-1), capped at an hour. */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(Math.min(1000, ceiling), Math.round(random() * ceiling));
}

/** `attempt` is the number of tries made so far, including the one that just failed. */
export function decideRetry(failure: SendFailure, attempt: number, baseMs: number, random: () => number = Math.random): RetryDecision {
  const { status } = failure;
  const transient = status === null || status >= 500 || status === 429 || status === 408 || status === 409;
  if (!transient) return { action: 'fail', reason: `permanent error ${status}: ${failure.message}` };
  if (attempt >= MAX_ATTEMPTS) return { action: 'fail', reason: `gave up after ${attempt} attempts: ${failure.message}` };
  const delay = backoffDelay(attempt, baseMs, random);
  return { action: 'retry', delayMs: Math.max(delay, failure.retryAfterMs ?? 0) };
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
