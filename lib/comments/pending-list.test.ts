import { describe, expect, it } from 'vitest';
import { seal } from '@/lib/security/signing';
import { readPendingIds, writePendingIds } from './pending-list';

// The signed list that lets a commenter see their own comments awaiting moderation.

const SECRET = 'unit-test-secret-0123456789';

describe('pending-comments cookie', () => {
  it('round-trips the ids, oldest first', () => {
    let cookie = writePendingIds(SECRET, [], 7);
    cookie = writePendingIds(SECRET, readPendingIds(SECRET, cookie), 12);
    cookie = writePendingIds(SECRET, readPendingIds(SECRET, cookie), 3);
    expect(readPendingIds(SECRET, cookie)).toEqual([7, 12, 3]);
  });

  it('holds only characters a cookie may carry unencoded', () => {
    expect(writePendingIds(SECRET, [1, 22, 333], 4444)).toMatch(/^[0-9-]+\.[A-Za-z0-9_-]+$/);
  });

  it('lists an id once, moved to the end when it is added again', () => {
    expect(readPendingIds(SECRET, writePendingIds(SECRET, [1, 2, 3], 2))).toEqual([1, 3, 2]);
  });

  it('keeps the newest 20', () => {
    const ids = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(readPendingIds(SECRET, writePendingIds(SECRET, ids, 21))).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it('reads nothing from a missing, empty or unsigned token', () => {
    expect(readPendingIds(SECRET, undefined)).toEqual([]);
    expect(readPendingIds(SECRET, '')).toEqual([]);
    expect(readPendingIds(SECRET, '1-2-3')).toEqual([]);
  });

  it('reads nothing when the ids were changed or the signature is not ours', () => {
    const cookie = writePendingIds(SECRET, [5], 6);
    const [, signature] = cookie.split('.') as [string, string];
    // Someone else's comment ids under our signature: the preview would otherwise show them.
    expect(readPendingIds(SECRET, `5-6-7.${signature}`)).toEqual([]);
    expect(readPendingIds(SECRET, `1.${signature}`)).toEqual([]);
    expect(readPendingIds('another-secret', cookie)).toEqual([]);
    expect(readPendingIds(SECRET, `${cookie}x`)).toEqual([]);
    // A value signed by us for another purpose (the form stamp) is not a pending list.
    expect(readPendingIds(SECRET, seal(SECRET, 'comment-form-stamp', '5-6'))).toEqual([]);
  });

  it('ignores anything in a signed value that is not an id', () => {
    expect(readPendingIds(SECRET, seal(SECRET, 'pending-comments', '4-x-1e3--9-1234567890123'))).toEqual([4, 9]);
  });
});
