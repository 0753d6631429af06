import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentBody } from '@/components/comments/comment-body';
import { parseCommentBody, type Paragraph } from './format';

const text = (t: string) => ({ type: 'text' as const, text: t });
const link = (url: string) => ({ type: 'link' as const, text: url, href: url });
/** The plain text of each paragraph, lines joined with "\n". */
const plain = (paragraphs: Paragraph[]) =>
  paragraphs.map((lines) => lines.map((segments) => segments.map((s) => s.text).join('')).join('\n'));

describe('paragraphs and line breaks', () => {
  it('splits paragraphs on blank lines and keeps single line breaks inside them', () => {
    expect(parseCommentBody('First paragraph,\nsecond line.\n\nSecond paragraph.')).toEqual([
      [[text('First paragraph,')], [text('second line.')]],
      [[text('Second paragraph.')]],
    ]);
  });

  it('treats Windows and old Mac line endings like \\n', () => {
    expect(plain(parseCommentBody('a\r\nb\r\n\r\nc\rd'))).toEqual(['a\nb', 'c\nd']);
  });

  it('ends a paragraph at a line that holds only spaces', () => {
    expect(plain(parseCommentBody('one\n   \ntwo\n\t\nthree'))).toEqual(['one', 'two', 'three']);
  });

  it('drops empty paragraphs and the space around paragraphs', () => {
    expect(plain(parseCommentBody('\n\n  one  \n\n\n\n\n   \n\ntwo\n\n'))).toEqual(['one', 'two']);
    expect(parseCommentBody('')).toEqual([]);
    expect(parseCommentBody('\n \n')).toEqual([]);
  });
});

describe('autolinks', () => {
  it('links http and https URLs in the text', () => {
    expect(parseCommentBody('See https://example.org/report?id=7#p2 and http://example.net')).toEqual([
      [[text('See '), link('https://example.org/report?id=7#p2'), text(' and '), link('http://example.net')]],
    ]);
  });

  it.each([
    ['.', 'Read https://example.org/a.', [text('Read '), link('https://example.org/a'), text('.')]],
    [',', 'https://example.org/a, then', [link('https://example.org/a'), text(', then')]],
    ['!', 'Wow https://example.org!', [text('Wow '), link('https://example.org'), text('!')]],
    ['?', 'Is it https://example.org/q?', [text('Is it '), link('https://example.org/q'), text('?')]],
    [':;', 'https://example.org/x:;', [link('https://example.org/x'), text(':;')]],
    ['a closing parenthesis', '(see https://example.org/x)', [text('(see '), link('https://example.org/x'), text(')')]],
    ['quotes', '"https://example.org/q"', [text('"'), link('https://example.org/q'), text('"')]],
    ['several marks', 'https://example.org/x).', [link('https://example.org/x'), text(').')]],
  ])('leaves trailing %s out of the link', (_label, body, segments) => {
    expect(parseCommentBody(body)).toEqual([[segments]]);
  });

  it('keeps a closing parenthesis that belongs to the URL', () => {
    const url = 'https://en.wikipedia.org/wiki/Ada_(programming_language)';
    expect(parseCommentBody(`Try ${url}.`)).toEqual([[[text('Try '), link(url), text('.')]]]);
    expect(parseCommentBody(`(${url})`)).toEqual([[[text('('), link(url), text(')')]]]);
  });

  it('links a URL on its own line, and several URLs on several lines', () => {
    expect(parseCommentBody('Sources:\nhttps://a.example/1\nhttps://b.example/2')).toEqual([
      [[text('Sources:')], [link('https://a.example/1')], [link('https://b.example/2')]],
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'www.example.org',
    'example.org',
    'ftp://example.org/file',
    'mailto:ada@example.net',
  ])('does not link %j', (body) => {
    expect(parseCommentBody(body)).toEqual([[[text(body)]]]);
  });

  it('stops a URL at a quote or an angle bracket, so markup cannot ride along in the href', () => {
    const segments = parseCommentBody('<a href="https://evil.example/x" onclick="alert(1)">x</a>')[0]?.[0];
    expect(segments).toEqual([text('<a href="'), link('https://evil.example/x'), text('" onclick="alert(1)">x</a>')]);
  });
});

describe('rendered as text, never as HTML', () => {
  const render = (body: string) => renderToStaticMarkup(createElement(CommentBody, { body }));

  it.each(['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '<b>bold</b> &amp; <i>italic</i>'])(
    '%j comes out escaped',
    (body) => {
      const html = render(body);
      expect(html).not.toMatch(/<(script|img|svg|b|i)[\s>]/);
      expect(html).toContain(body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    },
  );

  it('renders paragraphs, <br> between lines, and links with rel="nofollow ugc noopener"', () => {
    const html = render('One\ntwo https://example.org/x.\n\nThree');
    expect(html).toBe(
      '<p dir="auto"><bdi>One</bdi><br/><bdi>two </bdi><a href="https://example.org/x" rel="nofollow ugc noopener">https://example.org/x</a><bdi>.</bdi></p>' +
        '<p dir="auto"><bdi>Three</bdi></p>',
    );
  });

  it('keeps a right-to-left override inside its own isolate', () => {
    const html = render('abc\u202Edcba txt.exe');
    expect(html).toContain('<bdi>abc\u202Edcba txt.exe</bdi>');
    expect(html).toContain('dir="auto"');
  });
});
