import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentThread } from '@/components/comments/comment-thread';
import { CommentsProvider } from '@/components/comments/comments-context';
import { idsIn, MAX_THREAD_DEPTH, replyPlacement, type PublicCommentRow, type ThreadComment } from './thread';
import { buildThread, toThreadComment } from './thread-build';

const at = new Date('2026-11-26T07:44:09.123Z');
const row = (id: number, parentId: number | null = null, over: Partial<PublicCommentRow> = {}): PublicCommentRow => ({
  id,
  parentId,
  authorName: `Reader ${id}`,
  authorUrl: null,
  body: 'Text',
  createdAt: at,
  isStaff: false,
  ...over,
});

/** The tree as `id(replies…)`, to compare at a glance. */
const shape = (list: ThreadComment[]): string => list.map((c) => (c.replies.length ? `${c.id}(${shape(c.replies)})` : `${c.id}`)).join(' ');

describe('buildThread', () => {
  it('nests each reply under its parent, oldest first', () => {
    const page = buildThread([row(1), row(2, 1), row(3, 2), row(4, 2), row(5, 1), row(6), row(7), row(8, 7), row(9, 8), row(10)], 1, 50)!;
    expect(shape(page.comments)).toBe('1(2(3 4) 5) 6 7(8(9)) 10');
    expect(page).toMatchObject({ total: 10, page: 1, pageCount: 1 });
  });

  it('keeps replies below the deepest level beside their parent', () => {
    // Stored before threads were capped: 4 answers 3, which is at the third level.
    expect(shape(buildThread([row(1), row(2, 1), row(3, 2), row(4, 3)], 1, 50)!.comments)).toBe('1(2(3 4))');
  });

  it('shows a reply whose parent is not public at the top level', () => {
    expect(shape(buildThread([row(2, 99), row(3, 2)], 1, 50)!.comments)).toBe('2(3)');
  });

  it('pages by top-level comment, with their replies, and has no page past the last', () => {
    const rows = [row(1), row(2, 1), row(3), row(4)];
    expect(shape(buildThread(rows, 1, 2)!.comments)).toBe('1(2) 3');
    expect(buildThread(rows, 2, 2)).toMatchObject({ page: 2, pageCount: 2, total: 4 });
    expect(shape(buildThread(rows, 2, 2)!.comments)).toBe('4');
    expect(buildThread(rows, 3, 2)).toBeNull();
    expect(buildThread([], 1, 2)).toEqual({ comments: [], total: 0, page: 1, pageCount: 1 });
  });

  it('formats the date on the server, and carries only public fields whatever else the row holds', () => {
    const withPrivate = { ...row(1), authorEmail: 'ruth@example.net', ipHash: 'feedc0de', userAgent: 'Bot/1.0' } as PublicCommentRow;
    const comment = toThreadComment(withPrivate);
    expect(comment).toEqual({
      id: 1,
      authorName: 'Reader 1',
      authorUrl: null,
      body: 'Text',
      createdAt: at.toISOString(),
      createdText: '26 November 2026 at 07:44',
      isStaff: false,
      replies: [],
    });
    expect(JSON.stringify(comment)).not.toMatch(/example\.net|feedc0de|Bot\/1\.0/);
  });

  it('lists the ids shown on a page, replies included', () => {
    expect([...idsIn(buildThread([row(1), row(2, 1), row(3)], 1, 50)!.comments)].sort()).toEqual([1, 2, 3]);
  });
});

describe('CommentThread', () => {
  const plain = toThreadComment(
    row(7, null, { authorName: 'Ruth Calloway', body: 'First line\nsecond https://example.org/x.\n\nAnother paragraph.' }),
  );
  const staff = toThreadComment(row(12, 7, { authorName: 'Ed Itor', isStaff: true }));
  const linked = toThreadComment(row(15, 12, { authorName: 'Mallory \u202Egnp.exe', authorUrl: 'https://mallory.example.org/' }));
  const render = (comments: ThreadComment[], commentsOpen = true) =>
    renderToStaticMarkup(
      createElement(
        CommentsProvider,
        { slug: 'a-story' },
        createElement(CommentThread, { comments, articlePath: '/articles/a-story', commentsOpen }),
      ),
    );
  const thread = () => [
    { ...plain, replies: [{ ...staff, replies: [linked, { ...linked, id: 16 }] }] },
    { ...plain, id: 20 },
  ];

  it('renders each comment with its anchor, name, date, text, and Reply and Report links', () => {
    const html = render(thread());
    expect(html).toContain(
      '<li data-depth="1"><article id="comment-7" class="comment" aria-labelledby="comment-7-author">' +
        '<header><strong id="comment-7-author"><bdi>Ruth Calloway</bdi></strong> ' +
        '<a href="#comment-7"><time dateTime="2026-11-26T07:44:09.123Z">26 November 2026 at 07:44</time></a></header>' +
        '<p dir="auto"><bdi>First line</bdi><br/><bdi>second </bdi><a href="https://example.org/x" rel="nofollow ugc noopener">https://example.org/x</a><bdi>.</bdi></p>' +
        '<p dir="auto"><bdi>Another paragraph.</bdi></p>' +
        '<footer><a href="/articles/a-story/reply/7#respond" data-reply-to="7">Reply<span class="visually-hidden"> to Ruth Calloway</span></a>' +
        '<a href="/articles/a-story/report/7" class="comment__report" rel="nofollow">Report<span class="visually-hidden"> the comment by Ruth Calloway</span></a></footer>' +
        '</article><ol><li data-depth="2">',
    );
    expect(html).toContain('<strong id="comment-12-author"><bdi>Ed Itor</bdi></strong><span class="badge">Staff</span> ');
    expect(html).toContain(
      '<strong id="comment-15-author"><a href="https://mallory.example.org/" rel="nofollow ugc noopener"><bdi>Mallory \u202Egnp.exe</bdi></a></strong>',
    );
  });

  it("nests each reply's item in its parent's, with the pending-reply slot after the replies", () => {
    const skeleton = render(thread()).replace(/<article id="comment-(\d+)"[\s\S]*?<\/article>/g, '[$1]');
    expect(skeleton).toBe(
      '<ol class="comment-list">' +
        '<li data-depth="1">[7]<ol>' +
        '<li data-depth="2">[12]<ol>' +
        '<li data-depth="3">[15]<div data-replies-for="15"></div></li>' +
        '<li data-depth="3">[16]<div data-replies-for="16"></div></li>' +
        '</ol><div data-replies-for="12"></div></li>' +
        '</ol><div data-replies-for="7"></div></li>' +
        '<li data-depth="1">[20]<div data-replies-for="20"></div></li>' +
        '</ol><div data-replies-for="root"></div>',
    );
  });

  it('has no Reply links when comments are closed, and still a Report link under every comment', () => {
    const html = render(thread(), false);
    expect(html).not.toMatch(/\/reply\//);
    expect(html.match(/<footer><a href="\/articles\/a-story\/report\/\d+" class="comment__report"/g)).toHaveLength(5);
  });
});

describe('replyPlacement', () => {
  it('nests a reply under its parent down to the deepest level, then beside it', () => {
    expect(MAX_THREAD_DEPTH).toBe(3);
    expect(replyPlacement({ id: 1, parentId: null, depth: 1 })).toEqual({ parentId: 1, depth: 2 });
    expect(replyPlacement({ id: 2, parentId: 1, depth: 2 })).toEqual({ parentId: 2, depth: 3 });
    expect(replyPlacement({ id: 3, parentId: 2, depth: 3 })).toEqual({ parentId: 2, depth: 3 });
  });
});
