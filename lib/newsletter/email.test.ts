import { describe, expect, it } from 'vitest';
import { mailboxOf, normaliseEmail } from './email';

const ok = (email: string) => ({ ok: true, email });
const INVALID = 'Please enter a valid email address, like name@example.com.';
const ONE_ONLY = 'Please enter one email address only.';

describe('normaliseEmail', () => {
  it('trims surrounding spaces', () => {
    expect(normaliseEmail('  ana@example.com \t')).toEqual(ok('ana@example.com'));
  });

  it('lower-cases the whole address, so Ann@x and ann@x are one subscriber', () => {
    expect(normaliseEmail('Ana.Smith@Example.ORG')).toEqual(ok('ana.smith@example.org'));
    expect(normaliseEmail('ANN@X.EXAMPLE')).toEqual(normaliseEmail('ann@x.example'));
  });

  it('stores an IDN domain as punycode, so both spellings are one subscriber', () => {
    expect(normaliseEmail('ana@Bücher.Example')).toEqual(ok('ana@xn--bcher-kva.example'));
    expect(normaliseEmail('ana@xn--bcher-kva.example')).toEqual(ok('ana@xn--bcher-kva.example'));
    expect(normaliseEmail('info@münchen.de')).toEqual(ok('info@xn--mnchen-3ya.de'));
  });

  it('accepts ordinary addresses', () => {
    for (const email of ['a@b.co', 'first.last+news@sub.example.co.uk', "o'brien@example.ie", 'x_y-z@example-domain.com']) {
      expect(normaliseEmail(email)).toEqual(ok(email));
    }
  });

  it('asks for an address when there is none', () => {
    expect(normaliseEmail('')).toEqual({ ok: false, message: 'Please enter your email address.' });
    expect(normaliseEmail('   ')).toEqual({ ok: false, message: 'Please enter your email address.' });
  });

  it('allows at most 254 characters', () => {
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.com`;
    const local = 'x'.repeat(254 - domain.length - 1);
    expect(local.length).toBeLessThanOrEqual(64);
    expect(normaliseEmail(`${local}@${domain}`)).toEqual(ok(`${local}@${domain}`));
    expect(normaliseEmail(`y${local}@${domain}`)).toEqual({ ok: false, message: 'Email addresses are at most 254 characters.' });
    expect(normaliseEmail(`${'a'.repeat(300)}@example.com`)).toEqual({ ok: false, message: 'Email addresses are at most 254 characters.' });
  });

  it('refuses an IDN domain that is too long once in punycode', () => {
    const long = `${'x'.repeat(60)}@${Array.from({ length: 6 }, () => 'ü'.repeat(25)).join('.')}.de`;
    expect(long.length).toBeLessThanOrEqual(254);
    expect(normaliseEmail(long).ok).toBe(false);
  });

  it.each([
    ['a line feed', 'ana@example.com\nbcc: eve@example.com'],
    ['a carriage return', 'ana@example.com\rbcc: eve@example.com'],
    ['a trailing CR/LF', 'ana@example.com\r\n'],
    ['a NUL', 'ana@example.com\0'],
  ])('refuses %s', (_what, raw) => {
    expect(normaliseEmail(raw)).toEqual({ ok: false, message: INVALID });
  });

  it.each([
    ['two addresses with a comma', 'ana@example.com,eve@example.com'],
    ['two addresses with a comma and a space', 'ana@example.com, eve@example.com'],
    ['two addresses with a semicolon', 'ana@example.com;eve@example.com'],
    ['two addresses with a space', 'ana@example.com eve@example.com'],
    ['a display name', 'Ana <ana@example.com>'],
    ['angle brackets', '<ana@example.com>'],
    ['a quoted local part', '"ana"@example.com'],
    ['a quoted local part hiding a second address', '"eve@example.com"@example.com'],
    ['a stray quote', 'ana"@example.com'],
    ['a comment', 'ana(eve@example.com)@example.com'],
    ['a backslash', 'ana\\@example.com'],
    ['an address literal', 'ana@[127.0.0.1]'],
  ])('refuses %s as more than one address', (_what, raw) => {
    expect(normaliseEmail(raw)).toEqual({ ok: false, message: ONE_ONLY });
  });

  it.each([
    ['two @ signs', 'ana@eve@example.com'],
    ['no @', 'ana.example.com'],
    ['no local part', '@example.com'],
    ['no domain', 'ana@'],
    ['a single-label domain', 'ana@localhost'],
    ['a numeric top-level domain', 'ana@192.168.0.1'],
    ['a label starting with a hyphen', 'ana@-example.com'],
    ['an empty label', 'ana@example..com'],
    ['a leading dot', '.ana@example.com'],
    ['a trailing dot in the local part', 'ana.@example.com'],
    ['two dots in a row', 'an..a@example.com'],
    ['a local part over 64 characters', `${'a'.repeat(65)}@example.com`],
    ['non-ASCII in the local part', 'jörg@example.com'],
  ])('refuses %s', (_what, raw) => {
    expect(normaliseEmail(raw)).toEqual({ ok: false, message: INVALID });
  });
});

describe('mailboxOf', () => {
  it('drops a +tag and the case, so tags and spellings share one per-address limit', () => {
    expect(mailboxOf('ann+news@x.example')).toBe('ann@x.example');
    expect(mailboxOf('Ann+a+b@X.example')).toBe('ann@x.example');
    expect(mailboxOf('ann@x.example')).toBe('ann@x.example');
  });

  it('keeps a local part that starts with +', () => {
    expect(mailboxOf('+tag@x.example')).toBe('+tag@x.example');
  });
});
