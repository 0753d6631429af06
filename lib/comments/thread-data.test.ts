import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentThread } from '@/components/comments/comment-thread';
import type { PublicComment } from './queries';
import { fromThreadEntry, toThreadEntry, type ThreadEntry } from './thread-data';

const plain: PublicComment = {
  id: 7,
  parentId: null,
  depth: 1,
  authorName: 'Ruth Calloway',
  authorUrl: null,
  body: 'First line\nsecond https://example.org/x.\n\nAnother paragraph.',
  createdAt: '2026-11-26T07:44:09.123Z',
  isStaff: false,
};
const staff: PublicComment = { ...plain, id: 12, parentId: 7, depth: 2, authorName: 'Ed Itor', isStaff: true };
const linked: PublicComment = { ...plain, id: 15, parentId: 12, depth: 3, authorName: 'Mallory \u202Egnp.exe', authorUrl: 'https://mallory.example.org/' };

describe('thread entries', () => {
  it('leave off the empty tail', () => {
    expect(toThreadEntry(plain, '26 November 2026 at 07:44')).toEqual([7, 1, 'Ruth Calloway', plain.body, Date.parse(plain.createdAt), '26 November 2026 at 07:44']);
    expect(toThreadEntry(linked, 'x')).toHaveLength(7);
    expect(toThreadEntry(staff, 'x').slice(6)).toEqual(['', 1]);
  });

  it('come back as the comment they were made from, with the date text as sent', () => {
    for (const c of [plain, staff, linked]) {
      const { id, depth, authorName, authorUrl, body, createdAt, isStaff } = c;
      expect(fromThreadEntry(toThreadEntry(c, 'the text'))).toEqual({ id, depth, authorName, authorUrl, body, createdAt, isStaff, createdText: 'the text' });
    }
  });

  it('carry only public fields, whatever else the row holds', () => {
    const row = { ...plain, authorEmail: 'ruth@example.net', ipHash: 'feedc0de', userAgent: 'Bot/1.0' } as PublicComment;
    const sent = JSON.stringify(toThreadEntry(row, 'x'));
    expect(sent).not.toMatch(/example\.net|feedc0de|Bot\/1\.0/);
  });
});

describe('CommentThread', () => {
  const entries: ThreadEntry[] = [toThreadEntry(plain, '26 November 2026 at 07:44'), toThreadEntry(staff, 'y'), toThreadEntry(linked, 'z')];
  const render = (commentsOpen: boolean) =>
    renderToStaticMarkup(createElement(CommentThread, { comments: entries, articlePath: '/articles/a-story', commentsOpen }));

  it('renders each comment with its anchor, name, date, text and Reply link', () => {
    const html = render(true);
    expect(html).toContain(
      '<li data-depth="1"><article id="comment-7" class="comment" aria-labelledby="comment-7-author">' +
        '<header><strong id="comment-7-author"><bdi>Ruth Calloway</bdi></strong> ' +
        '<a href="#comment-7"><time dateTime="2026-11-26T07:44:09.123Z">26 November 2026 at 07:44</time></a></header>' +
        '<p dir="auto"><bdi>First line</bdi><br/><bdi>second </bdi><a href="https://example.org/x" rel="nofollow ugc noopener">https://example.org/x</a><bdi>.</bdi></p>' +
        '<p dir="auto"><bdi>Another paragraph.</bdi></p>' +
        '<footer><a href="/articles/a-story/reply/7#respond" data-reply-to="7">Reply<span class="visually-hidden"> to Ruth Calloway</span></a></footer>' +
        '</article><div data-replies-for="7"></div></li>',
    );
    expect(html).toContain('<li data-depth="2"><article id="comment-12"');
    expect(html).toContain('<strong id="comment-12-author"><bdi>Ed Itor</bdi></strong><span class="badge">Staff</span> ');
    expect(html).toContain('<strong id="comment-15-author"><a href="https://mallory.example.org/" rel="nofollow ugc noopener"><bdi>Mallory \u202Egnp.exe</bdi></a></strong>');
    expect(html).toContain('<li data-depth="3">');
  });

  it('has no Reply links when comments are closed', () => {
    expect(render(false)).not.toMatch(/data-reply-to|\/reply\/|<footer>/);
  });
});
