import { describe, expect, it } from 'vitest';
import { backoffDelay, decideRetry, MAX_ATTEMPTS, parseRetryAfter, type SendFailure } from './retry';

const BASE = 30_000;
const HOUR = 60 * 60 * 1000;
const serverError: SendFailure = { status: 500, message: 'internal_server_error' };

/** The ceiling of the full-jitter window after `attempt` tries: 30 s doubling, capped at an hour. */
const ceilingFor = (attempt: number) => Math.min(HOUR, BASE * 2 ** (attempt - 1));

describe('backoffDelay (full jitter)', () => {
  it('doubles its ceiling from 30 s and stops at one hour', () => {
    const top = () => 1; // the largest value random() can come close to
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map((a) => backoffDelay(a, BASE, top))).toEqual([
      30_000,
      60_000,
      120_000,
      240_000,
      480_000,
      960_000,
      1_920_000,
      HOUR,
      HOUR,
      HOUR,
    ]);
  });

  it('spreads delays over the whole window, never below one second', () => {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      for (const r of [0, 0.000001, 0.25, 0.5, 0.999999]) {
        const delay = backoffDelay(attempt, BASE, () => r);
        expect(delay).toBeGreaterThanOrEqual(1000);
        expect(delay).toBeLessThanOrEqual(ceilingFor(attempt));
      }
      // Full jitter: the middle of the window is reachable, not only its top.
      expect(backoffDelay(attempt, BASE, () => 0.5)).toBe(Math.max(1000, Math.round(ceilingFor(attempt) / 2)));
    }
  });

  it('stays within bounds with the real random source', () => {
    for (let i = 0; i < 500; i++) {
      const attempt = 1 + (i % 10);
      const delay = backoffDelay(attempt, BASE);
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(ceilingFor(attempt));
    }
  });

  it('never waits longer than a tiny base allows', () => {
    expect(backoffDelay(1, 200, () => 1)).toBe(200);
    expect(backoffDelay(1, 200, () => 0)).toBe(200);
  });
});

describe('decideRetry', () => {
  it('retries 5xx and network failures with backoff, then fails after 8 attempts', () => {
    for (const failure of [
      serverError,
      { status: 502, message: 'bad gateway' },
      { status: 503, message: 'unavailable' },
      { status: null, message: 'timeout' },
    ]) {
      for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
        const decision = decideRetry(failure, attempt, BASE, () => 0.5);
        expect(decision, `attempt ${attempt}`).toEqual({ action: 'retry', delayMs: Math.max(1000, Math.round(ceilingFor(attempt) / 2)) });
      }
      const last = decideRetry(failure, MAX_ATTEMPTS, BASE);
      expect(last.action).toBe('fail');
      expect(last.action === 'fail' && last.reason).toMatch(/gave up after 8 attempts/);
    }
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it('waits at least Retry-After on a 429, even when the backoff is shorter', () => {
    const decision = decideRetry({ status: 429, retryAfterMs: 120_000, message: 'rate_limit_exceeded' }, 1, BASE, () => 0);
    expect(decision).toEqual({ action: 'retry', delayMs: 120_000 });
  });

  it('keeps the longer backoff when Retry-After is shorter', () => {
    const decision = decideRetry({ status: 429, retryAfterMs: 2000, message: 'rate_limit_exceeded' }, 3, BASE, () => 1);
    expect(decision).toEqual({ action: 'retry', delayMs: 120_000 });
  });

  it('retries a 429 without Retry-After with plain backoff', () => {
    expect(decideRetry({ status: 429, message: 'rate_limit_exceeded' }, 1, BASE, () => 1)).toEqual({ action: 'retry', delayMs: 30_000 });
  });

  it.each([400, 401, 403, 404, 422])('fails a permanent %i at once', (status) => {
    const decision = decideRetry({ status, message: 'validation_error' }, 1, BASE);
    expect(decision.action).toBe('fail');
    expect(decision.action === 'fail' && decision.reason).toContain(String(status));
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');

  it('reads seconds', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP date', () => {
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:05 GMT', now)).toBe(5000);
    // A date in the past means "now".
    expect(parseRetryAfter('Mon, 31 Dec 2029 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
