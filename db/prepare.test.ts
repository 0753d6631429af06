import { describe, expect, it, vi } from 'vitest';

// A public site (not on localhost) must start empty: the demo publication is for a laptop.
vi.hoisted(() => {
  Object.assign(process.env, {
    SITE_URL: 'https://news.example.org',
    RESEND_API_KEY: 're_unit_test_key',
    AUTH_SECRET: 'unit-test-secret-0123456789abcdef',
    SEED_DEMO: '',
  });
});

import { getDb } from './index';
import { prepareDatabase, prepareDemoImages, shouldSeedDemo } from './prepare';
import { articles, media } from './schema';

describe('prepareDatabase', () => {
  it('seeds the demo only on a localhost site or when SEED_DEMO asks', () => {
    expect(shouldSeedDemo({ isLocalSite: true, SEED_DEMO: false })).toBe(true);
    expect(shouldSeedDemo({ isLocalSite: false, SEED_DEMO: false })).toBe(false);
    expect(shouldSeedDemo({ isLocalSite: false, SEED_DEMO: true })).toBe(true);
  });

  it('migrates a public site and leaves it empty, pictures too', async () => {
    prepareDatabase();
    await prepareDemoImages();
    expect(getDb().select({ id: articles.id }).from(articles).all()).toEqual([]);
    expect(getDb().select({ id: media.id }).from(media).all()).toEqual([]);
  });
});
