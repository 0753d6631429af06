import { describe, expect, it } from 'vitest';
import { checkHeaders, checkRecipient, checkSubject } from './address';

// What may go into an email's envelope and headers: exactly one plain address, one-line values.

describe('checkRecipient', () => {
  it.each([
    ['ana@example.com'],
    ['ana.b+news@sub.example.co.uk'],
    ["o'brien@example.org"],
    ['x@xn--bcher-kva.example'],
    ['  padded@example.com  '],
  ])('accepts %j', (raw) => {
    const result = checkRecipient(raw);
    expect(result).toEqual({ ok: true, address: raw.trim() });
  });

  it.each([
    ['a line feed', 'ana@example.com\nBcc: victim@example.com'],
    ['a carriage return', 'ana@example.com\rBcc: victim@example.com'],
    ['a CR/LF pair', 'ana@example.com\r\n'],
    ['a leading line break', '\nana@example.com'],
  ])('refuses %s', (_what, raw) => {
    const result = checkRecipient(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/line break/);
  });

  it.each([
    ['two addresses with a comma', 'ana@example.com,ben@example.com'],
    ['two addresses with a comma and space', 'ana@example.com, ben@example.com'],
    ['two addresses with a semicolon', 'ana@example.com;ben@example.com'],
    ['two addresses with a space', 'ana@example.com ben@example.com'],
    ['two @ signs', 'ana@ben@example.com'],
    ['a display name in angle brackets', 'Ana <ana@example.com>'],
    ['bare angle brackets', '<ana@example.com>'],
    ['a quoted local part', '"ana"@example.com'],
    ['a comment', 'ana(comment)@example.com'],
    ['a tab', 'ana@example.com\tben@example.com'],
  ])('refuses %s', (_what, raw) => {
    expect(checkRecipient(raw).ok).toBe(false);
  });

  it('refuses an empty recipient', () => {
    expect(checkRecipient('   ')).toEqual({ ok: false, reason: 'recipient is empty' });
  });

  it('refuses an address longer than 254 characters, and accepts one of exactly 254', () => {
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.com`; // 194 characters
    const at254 = `${'x'.repeat(254 - domain.length - 1)}@${domain}`;
    expect(at254).toHaveLength(254);
    expect(checkRecipient(at254)).toEqual({ ok: true, address: at254 });
    const at255 = `y${at254}`;
    expect(checkRecipient(at255)).toEqual({ ok: false, reason: 'recipient is longer than 254 characters' });
  });

  it.each(['no-at-sign', '@example.com', 'ana@', 'ana@localhost@', 'ana@exa mple.com'])('refuses the malformed %j', (raw) => {
    expect(checkRecipient(raw).ok).toBe(false);
  });
});

describe('checkHeaders', () => {
  it('accepts the newsletter headers', () => {
    expect(
      checkHeaders({
        'List-Unsubscribe':
          '<https://news.example/api/newsletter/unsubscribe?token=abc>, <mailto:newsroom@news.example?subject=unsubscribe>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'List-Id': 'The Ledger newsletter <newsletter.news.example>',
      }),
    ).toBeNull();
  });

  it.each([
    ['a line feed in a value', { 'X-Note': 'one\nBcc: victim@example.com' }],
    ['a carriage return in a value', { 'X-Note': 'one\rtwo' }],
    ['a NUL in a value', { 'X-Note': 'one\0two' }],
    ['a colon in a name', { 'Bcc: victim@example.com\r\nX': 'x' }],
    ['a space in a name', { 'X Note': 'x' }],
    ['an empty name', { '': 'x' }],
  ])('refuses %s', (_what, headers) => {
    expect(checkHeaders(headers)).toEqual(expect.any(String));
  });
});

describe('checkSubject', () => {
  it('accepts a one-line subject', () => {
    expect(checkSubject('Confirm your subscription to The Ledger')).toBeNull();
  });

  it.each([
    ['a line feed', 'Hello\nBcc: victim@example.com'],
    ['a carriage return', 'Hello\rthere'],
    ['nothing but spaces', '   '],
    ['more than 250 characters', 's'.repeat(251)],
  ])('refuses %s', (_what, subject) => {
    expect(checkSubject(subject)).toEqual(expect.any(String));
  });
});
