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
    await expect(
      loadEnvWith({ SITE_URL: 'https://news.example.org', AUTH_SECRET: 'x'.repeat(32), RESEND_API_KEY: undefined }),
    ).rejects.toThrow(/RESEND_API_KEY: RESEND_API_KEY is required when SITE_URL \(https:\/\/news\.example\.org\) is not a localhost URL/);
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

describe('security settings', () => {
  const publicSite = { SITE_URL: 'https://news.example.org', RESEND_API_KEY: 're_live_key' };

  it('refuses a public site whose AUTH_SECRET is shorter than 32 bytes, naming the variable', async () => {
    await expect(loadEnvWith({ ...publicSite, AUTH_SECRET: 'x'.repeat(31) })).rejects.toThrow(
      /AUTH_SECRET: AUTH_SECRET must be at least 32 bytes/,
    );
    await expect(loadEnvWith({ ...publicSite, AUTH_SECRET: undefined })).rejects.toThrow(/AUTH_SECRET: AUTH_SECRET is required/);
    expect((await loadEnvWith({ ...publicSite, AUTH_SECRET: 'x'.repeat(32) })).isLocalSite).toBe(false);
  });

  it('reads TRUSTED_PROXIES (loopback by default) and names a bad entry', async () => {
    expect((await loadEnvWith({ TRUSTED_PROXIES: undefined })).TRUSTED_PROXIES).toBe('loopback');
    expect((await loadEnvWith({ TRUSTED_PROXIES: '10.0.0.0/8, ::1' })).TRUSTED_PROXIES).toBe('10.0.0.0/8, ::1');
    await expect(loadEnvWith({ TRUSTED_PROXIES: '10.0.0.0/8, nginx' })).rejects.toThrow(
      /TRUSTED_PROXIES: "nginx" is not an IP address or CIDR range/,
    );
  });

  it('keeps sent bodies 7 days and seeds no demo on request by default', async () => {
    expect(await loadEnvWith({ MAIL_KEEP_DAYS: undefined, SEED_DEMO: undefined })).toMatchObject({ MAIL_KEEP_DAYS: 7, SEED_DEMO: false });
    expect(await loadEnvWith({ MAIL_KEEP_DAYS: '30', SEED_DEMO: '1' })).toMatchObject({ MAIL_KEEP_DAYS: 30, SEED_DEMO: true });
  });
});
