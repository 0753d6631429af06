export const PAGE_SIZE = 12;

/**
 * Parses a page number from a URL segment or query value. Returns null for anything that is not a
 * plain positive integer ("0", "-1", "abc", "1e3", "01"), so the caller can answer 404.
 */
/**
 * Whether `page` is a page number parsePageParam could have given. The cached reads check their
 * arguments again, since Next lets anyone with a cached function's id call it (README, "How it works").
 */
export function isPageNumber(page: number): boolean {
  return Number.isSafeInteger(page) && page >= 1 && page <= 999_999;
}

export function parsePageParam(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || !/^[1-9][0-9]{0,5}$/.test(value)) return null;
  return Number(value);
}

export interface Pagination {
  page: number;
  pageCount: number;
  total: number;
  offset: number;
  limit: number;
}

/** Page bounds for `total` items; `page` past the end is reported, not clamped, so it can 404. */
export function paginate(total: number, page: number, limit = PAGE_SIZE): Pagination & { outOfRange: boolean } {
  const pageCount = Math.max(1, Math.ceil(total / limit));
  return { page, pageCount, total, offset: (page - 1) * limit, limit, outOfRange: page > pageCount };
}
