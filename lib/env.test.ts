import { afterEach, describe, expect, it, vi } from 'vitest';

// lib/env validates process.env when first imported; each case imports a fresh copy.
const saved = { ...process.env };

async function loadEnvWith(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return (await import('./env')).env;
}

afterEach(() => {
  process.env = { ...saved };
  // Forget a copy that failed to load, so later imports (the database's, at teardown) read the
  // restored environment.
  vi.resetModules();
});

describe('mail configuration', () => {
  it('refuses to start a public site without RESEND_API_KEY, naming the variable', async () => {
    await expect(loadEnvWith({ SITE_URL: 'https://news.example.org', AUTH_SECRET: 'x'.repeat(32), RESEND_API_KEY: undefined })).rejects.toThrow(
      /RESEND_API_KEY: RESEND_API_KEY is required when SITE_URL \(https:\/\/news\.example\.org\) is not a localhost URL/,
    );
  });

  it('starts a localhost site without a key (the local mailbox)', async () => {
    const env = await loadEnvWith({ SITE_URL: 'http://localhost:3000', RESEND_API_KEY: undefined });
    expect(env.RESEND_API_KEY).toBeUndefined();
    expect(env.isLocalSite).toBe(true);
  });

  it('starts a public site with a key, and reads the mail settings', async () => {
    const env = await loadEnvWith({
      SITE_URL: 'https://news.example.org/',
      AUTH_SECRET: 'x'.repeat(32),
      RESEND_API_KEY: 're_live_key',
      MAIL_FROM: 'Newsroom <newsroom@news.example.org>',
      MAIL_RATE_PER_SECOND: undefined,
      MAIL_RETRY_BASE_MS: undefined,
      MAIL_SWEEP_MS: undefined,
    });
    expect(env).toMatchObject({
      SITE_URL: 'https://news.example.org',
      isLocalSite: false,
      MAIL_FROM: 'Newsroom <newsroom@news.example.org>',
      MAIL_RATE_PER_SECOND: 4,
      MAIL_RETRY_BASE_MS: 30_000,
      MAIL_SWEEP_MS: 60_000,
    });
  });

  it('names a bad mail rate', async () => {
    await expect(loadEnvWith({ MAIL_RATE_PER_SECOND: 'fast' })).rejects.toThrow(/MAIL_RATE_PER_SECOND/);
  });

  it('names a bad provider URL', async () => {
    await expect(loadEnvWith({ RESEND_BASE_URL: 'not a url' })).rejects.toThrow(/RESEND_BASE_URL must be a URL/);
  });
});
