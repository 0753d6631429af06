import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { articles, comments } from '@/db/schema';
import { seedDatabaseIfEmpty } from '@/db/seed';
import { CLIENT_HEADER, clientStamp } from '@/lib/security/client-address.mjs';
import { keyFor } from '@/lib/security/secret';
import { uniqueClientIp } from '@/test/support/client-ip';
import { readPendingIds } from './pending-list';
import { createFormStamp } from './rules';

// The comment form's server action, end to end through the real database. Only Next's request
// APIs are stood in for: the incoming headers and the cookie jar.

const request = vi.hoisted(() => ({
  headers: new Headers(),
  cookies: new Map<string, string>(),
  set: [] as { name: string; value: string; options: Record<string, unknown> }[],
}));

vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string, options: Record<string, unknown>) => {
      request.set.push({ name, value, options });
      request.cookies.set(name, value);
    },
  }),
}));

const { submitComment } = await import('./actions');

const commentsBy = (email: string) =>
  getDb().select({ id: comments.id, status: comments.status }).from(comments).where(eq(comments.authorEmail, email)).all();
const unique = () => randomUUID().slice(0, 8);
const idle = { status: 'idle' as const };

let slug = '';
let ip = '';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

function validFields(overrides: Record<string, string> = {}) {
  return {
    name: 'Grace Reader',
    email: `action-${unique()}@example.net`,
    website: '',
    body: `A fair point, well made ${unique()}.`,
    parentId: '',
    company: '',
    stamp: createFormStamp(keyFor('form-stamps'), Date.now() - 5_000),
    ...overrides,
  };
}

beforeAll(() => {
  migrateDatabase();
  seedDatabaseIfEmpty();
  slug = getDb()
    .select({ slug: articles.slug })
    .from(articles)
    .where(and(eq(articles.status, 'published'), eq(articles.commentsOpen, true)))
    .orderBy(desc(articles.publishedAt))
    .limit(1)
    .get()!.slug;
});

beforeEach(() => {
  // Every test is a new visitor from its own address.
  // As the page's script posts (Next-Action); a plain form post is tested on its own below.
  ip = uniqueClientIp();
  request.headers = new Headers({ [CLIENT_HEADER]: clientStamp(ip), 'user-agent': 'unit-test-browser', 'next-action': 'abc' });
  request.cookies = new Map();
  request.set = [];
});

describe('submitComment', () => {
  it('stores a valid comment as pending and answers with a signed list for the browser to keep, setting no cookie', async () => {
    const fields = validFields();
    const state = await submitComment(slug, idle, form(fields));

    expect(state).toMatchObject({ status: 'success', message: 'Thank you. Your comment is awaiting moderation.' });
    const rows = commentsBy(fields.email);
    expect(rows).toEqual([{ id: state.extra!.commentId!, status: 'pending' }]);

    expect(readPendingIds(keyFor('credentials'), state.extra!.pending)).toEqual([rows[0]!.id]);
    // A cookie set by an action makes Next render the whole page again in the answer.
    expect(request.set).toEqual([]);
    // The answer holds nothing private: no email, no IP.
    expect(JSON.stringify(state)).not.toContain(fields.email);
    expect(JSON.stringify(state)).not.toContain(ip);
  });

  it('adds a later comment to the list the browser sends back, and ignores a forged list', async () => {
    const first = await submitComment(slug, idle, form(validFields()));
    request.headers = new Headers({ [CLIENT_HEADER]: clientStamp(uniqueClientIp()), 'next-action': 'abc' });
    const second = await submitComment(slug, idle, form({ ...validFields(), pending: first.extra!.pending! }));
    expect(readPendingIds(keyFor('credentials'), second.extra!.pending)).toEqual([first.extra!.commentId, second.extra!.commentId]);
    request.headers = new Headers({ [CLIENT_HEADER]: clientStamp(uniqueClientIp()), 'next-action': 'abc' });
    const forged = await submitComment(slug, idle, form({ ...validFields(), pending: '1-2-3.not-a-signature' }));
    expect(readPendingIds(keyFor('credentials'), forged.extra!.pending)).toEqual([forged.extra!.commentId]);
  });

  it('answers a filled honeypot like a success and stores nothing, sets no cookie', async () => {
    const fields = validFields({ company: 'Acme Bots Ltd' });
    const state = await submitComment(slug, idle, form(fields));
    expect(state).toMatchObject({ status: 'success', message: 'Thank you. Your comment is awaiting moderation.' });
    expect(commentsBy(fields.email)).toEqual([]);
    expect(request.set).toEqual([]);
  });

  it('returns an error for each invalid field and the typed values, and stores nothing', async () => {
    const fields = validFields({ name: '  ', email: 'not-an-email', website: 'javascript:alert(1)', body: 'x', notify: 'on' });
    const state = await submitComment(slug, idle, form(fields));
    expect(state.status).toBe('error');
    expect(state.message).toBe('Please correct the fields marked below.');
    expect(state.fieldErrors).toEqual({
      name: ['Please enter your name.'],
      email: ['Please enter a valid email address, like name@example.com.'],
      website: ['Website must be a web address starting with http:// or https://'],
      body: ['Please write a comment of at least 2 characters.'],
    });
    // The reply box stays ticked too: the rest of the form is kept.
    expect(state.values).toEqual({
      name: '  ',
      email: 'not-an-email',
      website: 'javascript:alert(1)',
      body: 'x',
      parentId: '',
      notify: 'on',
    });
    expect(commentsBy('not-an-email')).toEqual([]);
    expect(request.set).toEqual([]);
  });

  it('gives a fresh form stamp after a success', async () => {
    const fields = validFields();
    const state = await submitComment(slug, idle, form(fields));
    expect(state.extra?.stamp).toMatch(/^\d+\.[\w-]+$/);
    expect(state.extra?.stamp).not.toBe(fields.stamp);
  });

  it('keeps the form’s own stamp after an error, so a quick correction is not held as spam', async () => {
    const fields = validFields({ name: '' });
    const error = await submitComment(slug, idle, form(fields));
    expect(error.status).toBe('error');
    expect(error.extra?.stamp).toBe(fields.stamp);

    // Sent again at once with the stamp the answer carried.
    const fixed = await submitComment(slug, error, form({ ...fields, name: 'Quick Fixer', stamp: error.extra!.stamp }));
    expect(fixed.status).toBe('success');
    expect(commentsBy(fields.email)).toEqual([{ id: fixed.extra!.commentId!, status: 'pending' }]);
  });

  it('replaces a forged stamp with a genuine one in an error answer', async () => {
    const state = await submitComment(slug, idle, form(validFields({ name: '', stamp: '123.forged' })));
    expect(state.extra?.stamp).not.toBe('123.forged');
    expect(state.extra?.stamp).toMatch(/^\d+\.[\w-]+$/);
  });

  it('shows the flood message, keeping what was typed', async () => {
    const fields = validFields();
    expect((await submitComment(slug, idle, form(fields))).status).toBe('success');

    const second = validFields();
    const flood = await submitComment(slug, idle, form(second));
    expect(flood).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/^You are posting comments too quickly\. Please wait 1?\d seconds?, then post it again\.$/),
      values: { body: second.body, email: second.email, name: second.name },
    });
  });

  it('answers a post of a stored text with a guessed email exactly as one with a fresh email', async () => {
    const fields = validFields();
    expect((await submitComment(slug, idle, form(fields))).status).toBe('success');
    const answer = async (email: string) => {
      request.headers = new Headers({ [CLIENT_HEADER]: clientStamp(uniqueClientIp()), 'next-action': 'abc' });
      const state = await submitComment(slug, idle, form({ ...fields, email }));
      return { ...state, extra: { ...state.extra, stamp: 'stamp', commentId: 0, pending: 'pending' } };
    };
    expect(await answer(fields.email)).toEqual(await answer(`stranger-${unique()}@example.net`));
  });

  it('says comments are closed on a closed article', async () => {
    const closed = getDb()
      .select({ slug: articles.slug })
      .from(articles)
      .where(and(eq(articles.status, 'published'), eq(articles.commentsOpen, false)))
      .limit(1)
      .get()!.slug;
    const fields = validFields();
    const state = await submitComment(closed, idle, form(fields));
    expect(state).toMatchObject({ status: 'error', message: 'Comments are closed on this article.' });
    expect(commentsBy(fields.email)).toEqual([]);
  });

  it('hashes the address the client-address rule resolved and never stores the address itself', async () => {
    request.headers = new Headers({ [CLIENT_HEADER]: clientStamp('192.0.2.99'), 'next-action': 'abc' });
    const fields = validFields();
    await submitComment(slug, idle, form(fields));
    const row = getDb().select().from(comments).where(eq(comments.authorEmail, fields.email)).get()!;
    expect(row.ipHash).toMatch(/^[0-9a-f]{32}$/);
    const { hashIp } = await import('@/lib/security/client');
    expect(row.ipHash).toBe(hashIp('192.0.2.99'));
    const everything = JSON.stringify(row);
    expect(everything).not.toContain('192.0.2.99');
    expect(everything).not.toContain('198.51.100.7');
  });
});

describe('submitComment from a plain form post (no JavaScript)', () => {
  beforeEach(() => {
    request.headers = new Headers({ [CLIENT_HEADER]: clientStamp(uniqueClientIp()), 'user-agent': 'no-script-browser' });
  });

  /** The redirect Next's redirect() throws, as "path" (it is answered with 303 for a form post). */
  async function redirectOf(promise: Promise<unknown>): Promise<string> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    const digest = (error as { digest?: string } | null)?.digest ?? '';
    expect(digest, 'submitComment should have redirected').toMatch(/^NEXT_REDIRECT;/);
    return digest.split(';')[2]!;
  }

  it('stores the comment as pending, then redirects to the cached thank-you page instead of rendering the article', async () => {
    const fields = validFields();
    expect(await redirectOf(submitComment(slug, idle, form(fields)))).toBe(`/articles/${slug}/comment-received`);
    expect(commentsBy(fields.email)).toMatchObject([{ status: 'pending' }]);
  });

  it('redirects a filled honeypot the same way, storing nothing', async () => {
    const fields = validFields({ company: 'Acme Bots Ltd' });
    expect(await redirectOf(submitComment(slug, idle, form(fields)))).toBe(`/articles/${slug}/comment-received`);
    expect(commentsBy(fields.email)).toEqual([]);
  });

  it('answers errors in place, with what was typed, so the form can be corrected', async () => {
    const fields = validFields({ email: 'not-an-email' });
    const state = await submitComment(slug, idle, form(fields));
    expect(state).toMatchObject({ status: 'error', values: { email: 'not-an-email', body: fields.body } });
    expect(commentsBy('not-an-email')).toEqual([]);
  });
});
