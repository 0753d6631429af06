import { describe, expect, it } from 'vitest';
import { seal } from '@/lib/security/signing';
import { checkFormStamp, countLinks, createFormStamp, findBlockedWords, MAX_FORM_AGE_MS, MIN_FILL_MS, stampForRetry } from './spam';

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
