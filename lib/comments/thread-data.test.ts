import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentThread } from '@/components/comments/comment-thread';
import type { PublicComment } from './queries';
import { fromThreadEntry, nestThread, toThreadEntry, type ThreadEntry, type ThreadNode } from './thread-data';

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

describe('nestThread', () => {
  /** Entries of these ids and depths, in this (thread) order. */
  const entriesOf = (...rows: [id: number, depth: number][]): ThreadEntry[] => rows.map(([id, depth]) => [id, depth, `Reader ${id}`, 'Text', 0, 'x']);
  /** The tree as `id(replies…)`, to compare at a glance. */
  const shape = (nodes: ThreadNode[]): string => nodes.map((n) => (n.replies.length ? `${n.entry[0]}(${shape(n.replies)})` : `${n.entry[0]}`)).join(' ');

  it('puts each entry under the nearest one before it a level up', () => {
    const nested = nestThread(entriesOf([1, 1], [2, 2], [3, 3], [4, 3], [5, 2], [6, 1], [7, 1], [8, 2], [9, 3], [10, 1]));
    expect(shape(nested)).toBe('1(2(3 4) 5) 6 7(8(9)) 10');
    expect(nested[0]!.replies[0]!.replies[1]!.entry).toEqual([4, 3, 'Reader 4', 'Text', 0, 'x']);
  });

  it('keeps a reply to a level-3 comment beside it, under the same parent', () => {
    // 12 answered 11 (level 3) and is stored at level 3 too.
    expect(shape(nestThread(entriesOf([1, 1], [10, 2], [11, 3], [12, 3])))).toBe('1(10(11 12))');
  });

  it('keeps top-level comments flat and an empty page empty', () => {
    expect(shape(nestThread(entriesOf([1, 1], [2, 1], [3, 1])))).toBe('1 2 3');
    expect(nestThread([])).toEqual([]);
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
        '</article><ol><li data-depth="2">',
    );
    expect(html).toContain('<li data-depth="2"><article id="comment-12"');
    expect(html).toContain('<strong id="comment-12-author"><bdi>Ed Itor</bdi></strong><span class="badge">Staff</span> ');
    expect(html).toContain('<strong id="comment-15-author"><a href="https://mallory.example.org/" rel="nofollow ugc noopener"><bdi>Mallory \u202Egnp.exe</bdi></a></strong>');
    expect(html).toContain('<li data-depth="3">');
  });

  it("nests each reply's item in its parent's, with the pending-reply slot after the replies", () => {
    const thread: ThreadEntry[] = [
      toThreadEntry(plain, 'a'),
      toThreadEntry(staff, 'b'),
      toThreadEntry(linked, 'c'),
      toThreadEntry({ ...linked, id: 16 }, 'd'), // a reply to 15, stored beside it
      toThreadEntry({ ...plain, id: 20 }, 'e'),
    ];
    const html = renderToStaticMarkup(createElement(CommentThread, { comments: thread, articlePath: '/articles/a-story', commentsOpen: true }));
    const skeleton = html.replace(/<article id="comment-(\d+)"[\s\S]*?<\/article>/g, '[$1]');
    expect(skeleton).toBe(
      '<ol class="comment-list">' +
        '<li data-depth="1">[7]<ol>' +
        '<li data-depth="2">[12]<ol>' +
        '<li data-depth="3">[15]<div data-replies-for="15"></div></li>' +
        '<li data-depth="3">[16]<div data-replies-for="16"></div></li>' +
        '</ol><div data-replies-for="12"></div></li>' +
        '</ol><div data-replies-for="7"></div></li>' +
        '<li data-depth="1">[20]<div data-replies-for="20"></div></li>' +
        '</ol>',
    );
  });

  it('has no Reply links when comments are closed', () => {
    expect(render(false)).not.toMatch(/data-reply-to|\/reply\/|<footer>/);
  });
});
