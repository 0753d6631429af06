import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_WEBHOOK_AGE_S, verifyWebhookSignature } from './webhook-signature';

// Resend signs its webhooks the way Svix does (Standard Webhooks). The signatures below are made by
// the standardwebhooks package, as a sender would make them.

const secret = `whsec_${randomBytes(24).toString('base64')}`;
const otherSecret = `whsec_${randomBytes(24).toString('base64')}`;
const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
const body = JSON.stringify({
  type: 'email.bounced',
  created_at: '2026-01-01T00:00:00.000Z',
  data: { email_id: 'e1', to: ['a@example.com'] },
});
const now = Date.UTC(2026, 0, 1, 12, 0, 0);
const ts = Math.floor(now / 1000);

const svixSignature = (key: string, msgId: string, timestamp: number, payload: string) =>
  new Webhook(key).sign(msgId, new Date(timestamp * 1000), payload);

const check = (overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]> = {}) =>
  verifyWebhookSignature({ secret, id, timestamp: String(ts), signature: svixSignature(secret, id, ts, body), body, ...overrides });

// The package checks the timestamp against the clock.
beforeAll(() => {
  vi.useFakeTimers({ now, toFake: ['Date'] });
});
afterAll(() => {
  vi.useRealTimers();
});

describe('verifyWebhookSignature', () => {
  it('accepts a correctly signed, fresh event', () => {
    expect(check()).toEqual({ ok: true });
  });

  it('refuses a signature made with another secret', () => {
    expect(check({ signature: svixSignature(otherSecret, id, ts, body) })).toEqual({ ok: false, reason: 'signature does not match' });
  });

  it('refuses a body changed after signing, even by one character or trailing whitespace', () => {
    expect(check({ body: body.replace('a@example.com', 'b@example.com') }).ok).toBe(false);
    expect(check({ body: `${body}\n` }).ok).toBe(false);
    // Re-serialising the JSON is a different body too: the raw bytes are what is signed.
    expect(check({ body: JSON.stringify(JSON.parse(body), null, 2) }).ok).toBe(false);
  });

  it('refuses a signature moved to another message id or timestamp', () => {
    expect(check({ id: 'msg_other' }).ok).toBe(false);
    const later = ts + 10;
    expect(check({ timestamp: String(later) }).ok).toBe(false);
  });

  it('refuses timestamps more than five minutes old or ahead, accepts those just inside', () => {
    for (const offset of [-(MAX_WEBHOOK_AGE_S + 1), MAX_WEBHOOK_AGE_S + 1, -86_400]) {
      const t = ts + offset;
      expect(check({ timestamp: String(t), signature: svixSignature(secret, id, t, body) }), `offset ${offset}`).toEqual({
        ok: false,
        reason: 'timestamp too old or in the future',
      });
    }
    for (const offset of [-(MAX_WEBHOOK_AGE_S - 1), MAX_WEBHOOK_AGE_S - 1]) {
      const t = ts + offset;
      expect(check({ timestamp: String(t), signature: svixSignature(secret, id, t, body) }), `offset ${offset}`).toEqual({ ok: true });
    }
  });

  it('refuses a timestamp that is not a plain number of seconds', () => {
    for (const timestamp of ['', 'abc', '1.5e9', `${ts}.0`, `-${ts}`, new Date(now).toISOString()]) {
      expect(check({ timestamp }).ok, timestamp).toBe(false);
    }
  });

  it('accepts when any one of several signatures in the header matches (secret rotation)', () => {
    const good = svixSignature(secret, id, ts, body);
    const old = svixSignature(otherSecret, id, ts, body);
    expect(check({ signature: `${old} ${good}` })).toEqual({ ok: true });
    expect(check({ signature: `${good} ${old}` })).toEqual({ ok: true });
    expect(check({ signature: `v1a,${good.slice(3)} ${old}` }).ok).toBe(false);
  });

  it('ignores signatures of other versions and malformed entries', () => {
    const good = svixSignature(secret, id, ts, body).slice(3);
    expect(check({ signature: `v2,${good}` }).ok).toBe(false);
    expect(check({ signature: `v1,` }).ok).toBe(false);
    expect(check({ signature: 'v1' }).ok).toBe(false);
    expect(check({ signature: `v1,${good.slice(0, -4)}` }).ok).toBe(false);
    expect(check({ signature: 'garbage' }).ok).toBe(false);
  });

  it('refuses a request without the svix headers', () => {
    for (const missing of ['id', 'timestamp', 'signature'] as const) {
      expect(check({ [missing]: null }), missing).toEqual({ ok: false, reason: 'missing signature headers' });
      expect(check({ [missing]: '' }).ok, `${missing} empty`).toBe(false);
    }
  });

  it('works with a secret given without the whsec_ prefix', () => {
    const bare = secret.slice('whsec_'.length);
    expect(
      verifyWebhookSignature({ secret: bare, id, timestamp: String(ts), signature: svixSignature(secret, id, ts, body), body }),
    ).toEqual({ ok: true });
  });
});
