import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seal } from '@/lib/security/signing';
import {
  checkFormStamp,
  commentInputSchema,
  countLinks,
  createFormStamp,
  findBlockedWords,
  MAX_FORM_AGE_MS,
  MIN_FILL_MS,
  stampForRetry,
} from './rules';

const SECRET = 'unit-test-secret-0123456789';
const NOW = Date.parse('2026-03-02T10:00:00Z');

describe('form stamp', () => {
  it('passes a form posted between 3 s and 24 h after it was shown', () => {
    for (const age of [MIN_FILL_MS, 5_000, 60 * 60 * 1000, MAX_FORM_AGE_MS]) {
      expect(checkFormStamp(SECRET, createFormStamp(SECRET, NOW - age), NOW), `${age} ms`).toEqual({ ok: true });
    }
  });

  it('holds a form posted under 3 s after it was shown as spam', () => {
    for (const age of [0, 1, 1_500, MIN_FILL_MS - 1]) {
      const check = checkFormStamp(SECRET, createFormStamp(SECRET, NOW - age), NOW);
      expect(check).toEqual({ ok: false, verdict: 'spam', reason: `posted ${age} ms after the form was shown` });
    }
  });

  it('asks for a new post when the form is older than 24 h', () => {
    expect(checkFormStamp(SECRET, createFormStamp(SECRET, NOW - MAX_FORM_AGE_MS - 1), NOW)).toEqual({ ok: false, verdict: 'expired' });
    expect(checkFormStamp(SECRET, createFormStamp(SECRET, NOW - 7 * MAX_FORM_AGE_MS), NOW)).toEqual({ ok: false, verdict: 'expired' });
  });

  it('holds a stamp from the future as spam', () => {
    expect(checkFormStamp(SECRET, createFormStamp(SECRET, NOW + 10 * 60_000), NOW)).toEqual({
      ok: false,
      verdict: 'spam',
      reason: 'form stamp from the future',
    });
    // A little clock skew between server processes is not "the future", but it is still too fast.
    expect(checkFormStamp(SECRET, createFormStamp(SECRET, NOW + 5_000), NOW)).toMatchObject({ ok: false, verdict: 'spam' });
  });

  it.each([
    ['missing', null],
    ['undefined', undefined],
    ['empty', ''],
  ])('holds a %s stamp as spam', (_label, stamp) => {
    expect(checkFormStamp(SECRET, stamp, NOW)).toEqual({ ok: false, verdict: 'spam', reason: 'missing or forged form stamp' });
  });

  it('holds forged stamps as spam', () => {
    const good = createFormStamp(SECRET, NOW - 10_000);
    const [value, signature] = good.split('.') as [string, string];
    const forgeries = [
      // An older time with the old signature.
      `${Number(value) - 60_000}.${signature}`,
      // A signature from another secret.
      createFormStamp('someone-elses-secret', NOW - 10_000),
      // A signature made for another purpose (a signed pending-comments cookie, say).
      seal(SECRET, 'pending-comments', String(NOW - 10_000)),
      // No signature, a bare time, a mangled signature.
      `${value}.`,
      value,
      `${value}.${signature.slice(0, -2)}`,
      `${value}.${signature}x`,
      // Correctly signed, but not a time.
      seal(SECRET, 'comment-form-stamp', 'yesterday'),
    ];
    for (const stamp of forgeries) {
      expect(checkFormStamp(SECRET, stamp, NOW), stamp).toEqual({ ok: false, verdict: 'spam', reason: 'missing or forged form stamp' });
    }
  });

  it('uses the current time by default', () => {
    expect(checkFormStamp(SECRET, createFormStamp(SECRET, Date.now() - 5_000))).toEqual({ ok: true });
    expect(checkFormStamp(SECRET, createFormStamp(SECRET))).toMatchObject({ ok: false, verdict: 'spam' });
  });
});

describe('stampForRetry', () => {
  it('gives back the stamp the form was shown with, so a quick correction still counts from then', () => {
    const shown = createFormStamp(SECRET, NOW - 10_000);
    expect(stampForRetry(SECRET, shown, NOW)).toBe(shown);
    // Even one posted too fast: its time is real, and it will be old enough soon.
    const justShown = createFormStamp(SECRET, NOW - 500);
    expect(stampForRetry(SECRET, justShown, NOW)).toBe(justShown);
  });

  it('gives a fresh stamp for a missing, forged, future or expired one', () => {
    for (const stamp of [
      null,
      '',
      `${NOW - 10_000}.forged`,
      createFormStamp('someone-elses-secret', NOW - 10_000),
      createFormStamp(SECRET, NOW + 10 * 60_000),
      createFormStamp(SECRET, NOW - MAX_FORM_AGE_MS - 1),
    ]) {
      const fresh = stampForRetry(SECRET, stamp, NOW);
      expect(fresh, String(stamp)).toBe(createFormStamp(SECRET, NOW));
    }
  });
});

describe('countLinks', () => {
  it.each([
    ['no links here', 0],
    ['see example.org for details', 0],
    ['one https://example.org link', 1],
    ['http://a.example and https://b.example', 2],
    ['http://a.example https://b.example http://c.example', 3],
    ['www.example.org counts as a link too', 1],
    ['<a href="/x">html</a> and <A HREF="/y">shouting</A>', 2],
    ['HTTPS://EXAMPLE.ORG and Www.Example.Org', 2],
    ['line one\nhttps://a.example\n\nhttps://b.example', 2],
  ])('%j has %i', (text, n) => {
    expect(countLinks(text)).toBe(n);
  });
});

describe('findBlockedWords', () => {
  const words = ['casino', 'cheap pills', 'c++', 'café'];

  it('matches whole words only', () => {
    expect(findBlockedWords('best casino in town', words)).toEqual(['casino']);
    expect(findBlockedWords('casinos and occasionally', words)).toEqual([]);
    expect(findBlockedWords('precasino', words)).toEqual([]);
    expect(findBlockedWords('casino2', words)).toEqual([]);
  });

  it('matches at the start and end of the text and next to punctuation', () => {
    expect(findBlockedWords('casino', words)).toEqual(['casino']);
    expect(findBlockedWords('Visit our casino!', words)).toEqual(['casino']);
    expect(findBlockedWords('(casino)', words)).toEqual(['casino']);
    expect(findBlockedWords('https://casino.example', words)).toEqual(['casino']);
  });

  it('ignores case, in the text and in the list', () => {
    expect(findBlockedWords('CASINO night', words)).toEqual(['casino']);
    expect(findBlockedWords('Casino night', ['CaSiNo'])).toEqual(['CaSiNo']);
  });

  it('matches phrases, words with symbols and accented words as written', () => {
    expect(findBlockedWords('Buy Cheap Pills now', words)).toEqual(['cheap pills']);
    expect(findBlockedWords('cheap  pills', words)).toEqual([]);
    expect(findBlockedWords('I write C++ daily', words)).toEqual(['c++']);
    expect(findBlockedWords('I write C daily', words)).toEqual([]);
    expect(findBlockedWords('Un café, merci', words)).toEqual(['café']);
    expect(findBlockedWords('Les cafés', words)).toEqual([]);
  });

  it('lists every word found, and ignores blank entries', () => {
    expect(findBlockedWords('casino with cheap pills', [...words, '', '  '])).toEqual(['casino', 'cheap pills']);
    expect(findBlockedWords('anything at all', ['', ' '])).toEqual([]);
  });

  it('treats regular-expression characters in a word literally', () => {
    expect(findBlockedWords('a.b', ['a.b'])).toEqual(['a.b']);
    expect(findBlockedWords('axb', ['a.b'])).toEqual([]);
    expect(findBlockedWords('anything', ['.*'])).toEqual([]);
  });
});

// The comment form's rules: name 1-80 characters after trimming; a valid email of at
// most 254; website empty or an http(s) URL of at most 200; comment 2-5,000 characters.

const valid = { name: 'Ada Lovelace', email: 'ada@example.net', website: '', body: 'A thoughtful comment.', parentId: '' };

function errorsFor(input: Partial<typeof valid>) {
  const result = commentInputSchema.safeParse({ ...valid, ...input });
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

function parse(input: Partial<typeof valid>) {
  const result = commentInputSchema.safeParse({ ...valid, ...input });
  if (!result.success) throw new Error(`expected valid input, got ${JSON.stringify(z.flattenError(result.error).fieldErrors)}`);
  return result.data;
}

/** An address of exactly `length` characters that is otherwise valid. */
function emailOfLength(length: number): string {
  const domain = '@example.net';
  return 'a'.repeat(length - domain.length) + domain;
}

describe('name', () => {
  it('is required', () => {
    expect(errorsFor({ name: '' }).name).toEqual(['Please enter your name.']);
  });

  it('counts only what is left after trimming', () => {
    expect(errorsFor({ name: '   \t ' }).name).toEqual(['Please enter your name.']);
    expect(parse({ name: '  Ada  ' }).name).toBe('Ada');
  });

  it('accepts 1 to 80 characters', () => {
    expect(parse({ name: 'A' }).name).toBe('A');
    expect(parse({ name: 'n'.repeat(80) }).name).toHaveLength(80);
    expect(parse({ name: `  ${'n'.repeat(80)}  ` }).name).toHaveLength(80);
  });

  it('rejects 81 characters', () => {
    expect(errorsFor({ name: 'n'.repeat(81) }).name).toEqual(['Name must be at most 80 characters.']);
  });
});

describe('email', () => {
  it('is required', () => {
    expect(errorsFor({ email: '' }).email).toEqual(['Please enter your email address.']);
    expect(errorsFor({ email: '   ' }).email).toEqual(['Please enter your email address.']);
  });

  it.each(['not-an-email', 'ada@', '@example.net', 'ada@example', 'ada example@example.net', 'ada@@example.net', 'ada@exa mple.net'])(
    'rejects %j',
    (email) => {
      expect(errorsFor({ email }).email).toEqual(['Please enter a valid email address, like name@example.com.']);
    },
  );

  it('accepts a valid address, trimmed and lower-cased', () => {
    expect(parse({ email: '  Ada.Lovelace+news@Example.NET ' }).email).toBe('ada.lovelace+news@example.net');
  });

  it('accepts 254 characters and rejects 255', () => {
    expect(parse({ email: emailOfLength(254) }).email).toHaveLength(254);
    expect(errorsFor({ email: emailOfLength(255) }).email).toContain('Email must be at most 254 characters.');
  });
});

describe('website', () => {
  it('may be empty (or only spaces), and is then absent', () => {
    expect(parse({ website: '' }).website).toBeUndefined();
    expect(parse({ website: '   ' }).website).toBeUndefined();
  });

  it.each(['http://example.org', 'https://example.org/path?q=1#top', '  https://blog.example.net/  ', 'HTTPS://EXAMPLE.ORG'])(
    'accepts the http(s) address %j',
    (website) => {
      expect(parse({ website }).website).toBe(website.trim());
    },
  );

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.org/file',
    'mailto:ada@example.net',
    'example.org',
    'www.example.org',
    '//example.org',
    'http://',
    'https://localhost',
    'not a url',
  ])('rejects %j', (website) => {
    expect(errorsFor({ website }).website).toEqual(['Website must be a web address starting with http:// or https://']);
  });

  it('accepts 200 characters and rejects 201', () => {
    const prefix = 'https://example.org/';
    expect(parse({ website: prefix + 'a'.repeat(200 - prefix.length) }).website).toHaveLength(200);
    expect(errorsFor({ website: prefix + 'a'.repeat(201 - prefix.length) }).website).toContain('Website must be at most 200 characters.');
  });
});

describe('comment', () => {
  it('is required', () => {
    expect(errorsFor({ body: '' }).body).toEqual(['Please write a comment of at least 2 characters.']);
  });

  it('needs at least 2 characters after trimming', () => {
    expect(errorsFor({ body: 'a' }).body).toEqual(['Please write a comment of at least 2 characters.']);
    expect(errorsFor({ body: '  a \n ' }).body).toEqual(['Please write a comment of at least 2 characters.']);
    expect(parse({ body: 'ok' }).body).toBe('ok');
  });

  it('accepts 5,000 characters and rejects 5,001', () => {
    expect(parse({ body: 'x'.repeat(5000) }).body).toHaveLength(5000);
    expect(errorsFor({ body: 'x'.repeat(5001) }).body).toEqual(['Comments must be at most 5,000 characters.']);
  });

  it('keeps inner line breaks and HTML-looking text exactly as typed', () => {
    const body = 'First line\nsecond line\n\n<script>alert(1)</script>';
    expect(parse({ body: `\n${body}\n` }).body).toBe(body);
  });
});

describe('reply to', () => {
  it('is absent when empty, and a number otherwise', () => {
    expect(parse({ parentId: '' }).parentId).toBeUndefined();
    expect(parse({ parentId: '42' }).parentId).toBe(42);
  });

  it.each(['abc', '-1', '1.5', '1e3', '1234567890123'])('rejects %j', (parentId) => {
    expect(errorsFor({ parentId }).parentId).toEqual(['The comment you are replying to is not valid.']);
  });
});

it('reports every invalid field at once, each with its own message', () => {
  const errors = errorsFor({ name: '', email: 'nope', website: 'javascript:alert(1)', body: 'x' });
  expect(Object.keys(errors).sort()).toEqual(['body', 'email', 'name', 'website']);
});
