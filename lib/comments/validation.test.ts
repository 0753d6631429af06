import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commentInputSchema } from './validation';

// The comment form's rules (issue 3): name 1-80 characters after trimming; a valid email of at
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
