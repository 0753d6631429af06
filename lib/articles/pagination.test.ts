import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, paginate, parsePageParam } from './pagination';

describe('parsePageParam', () => {
  it('treats a missing page as page 1', () => {
    expect(parsePageParam(undefined)).toBe(1);
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['10', 10],
    ['99999', 99999],
    ['999999', 999999],
  ])('reads %j as page %i', (raw, page) => {
    expect(parsePageParam(raw)).toBe(page);
  });

  it.each([
    '0',
    '-1',
    'abc',
    '1e3',
    '01',
    '007',
    '1.5',
    '2.0',
    '+2',
    ' 2',
    '2 ',
    '0x10',
    '',
    '١',
    'Infinity',
    'NaN',
    '1000000',
    '9'.repeat(400),
  ])('rejects %j so the page can answer 404', (raw) => {
    expect(parsePageParam(raw)).toBeNull();
  });

  it('reads the first of a repeated parameter', () => {
    expect(parsePageParam(['3', '4'])).toBe(3);
    expect(parsePageParam(['abc', '4'])).toBeNull();
    expect(parsePageParam([])).toBeNull();
  });
});

describe('paginate', () => {
  it('has one empty page when there is nothing to list', () => {
    expect(paginate(0, 1)).toEqual({ page: 1, pageCount: 1, total: 0, offset: 0, limit: PAGE_SIZE, outOfRange: false });
  });

  it('splits the items into pages of PAGE_SIZE', () => {
    expect(paginate(PAGE_SIZE * 2, 1)).toMatchObject({ pageCount: 2, offset: 0, limit: PAGE_SIZE, outOfRange: false });
    expect(paginate(PAGE_SIZE * 2, 2)).toMatchObject({ pageCount: 2, offset: PAGE_SIZE, outOfRange: false });
    expect(paginate(PAGE_SIZE * 2 + 1, 3)).toMatchObject({ pageCount: 3, offset: PAGE_SIZE * 2, outOfRange: false });
  });

  it('reports the first page past the end as out of range', () => {
    expect(paginate(PAGE_SIZE * 2, 3).outOfRange).toBe(true);
    expect(paginate(0, 2).outOfRange).toBe(true);
  });

  it('reports a huge page as out of range rather than clamping it', () => {
    expect(paginate(24, 99999)).toMatchObject({ page: 99999, pageCount: 2, outOfRange: true });
  });

  it('honours a custom page size', () => {
    expect(paginate(10, 4, 3)).toMatchObject({ pageCount: 4, offset: 9, limit: 3, outOfRange: false });
    expect(paginate(10, 5, 3).outOfRange).toBe(true);
  });
});
