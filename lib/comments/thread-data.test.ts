import { describe, expect, it } from 'vitest';
import type { PublicComment } from './queries';
import { fromThreadEntry, toThreadEntry } from './thread-data';

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
