import { env } from '@/lib/env';

/** Absolute URL on this site, from SITE_URL (never from the request's Host header). */
export function absoluteUrl(path: string): string {
  return `${env.SITE_URL}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Path of page `n` of a paginated listing whose first page lives at `base`. */
export function pagePath(base: string, n: number): string {
  const root = base === '/' ? '' : base;
  return n <= 1 ? base : `${root}/page/${n}`;
}

export const articlePath = (slug: string) => `/articles/${slug}`;
/** Where a comment posted without JavaScript lands: the same cached thank-you for everyone. */
export const commentReceivedPath = (slug: string) => `/articles/${slug}/comment-received`;
export const commentsPagePath = (slug: string, n: number) => (n <= 1 ? `/articles/${slug}#comments` : `/articles/${slug}/comments/${n}`);
/** The web version of a newsletter issue, linked from the email itself. */
export const issueArchivePath = (id: number) => `/newsletter/archive/${id}`;
export const sectionPath = (slug: string) => `/section/${slug}`;
export const tagPath = (slug: string) => `/tag/${slug}`;
export const authorPath = (slug: string) => `/author/${slug}`;

/** Slugs are lowercase ASCII words joined by hyphens; anything else is a 404 before any query. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 120;
}

/** A row id from a URL segment or query value: a plain positive integer, else null (answer 404). */
export function parseIdParam(raw: string | string[] | undefined): number | null {
  return typeof raw === 'string' && /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : null;
}
