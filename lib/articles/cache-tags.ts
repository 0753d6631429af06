// Cache tag names. Reads tag what they return; writes invalidate exactly these.
//
// A change to an article (publish, update, unpublish, a schedule coming due) invalidates its own
// page, the listings that could show it (front page, search, newsletter archive: LISTINGS_TAG; its
// section, tags and authors), and so the pages of articles that share its section or a tag (their
// "Related articles" come from those). Every other article page stays cached.

/** Front page, search, archive: lists of articles from every section. */
export const LISTINGS_TAG = 'listings';
/** The section navigation in every page's header. */
export const SECTIONS_TAG = 'sections';
export const articleTag = (slug: string) => `article:${slug}`;
export const sectionTag = (slug: string) => `section:${slug}`;
export const tagTag = (slug: string) => `tag:${slug}`;
export const authorTag = (slug: string) => `author:${slug}`;
/** Listings that show comment counts carry this; approving or removing a comment invalidates it. */
export const COMMENT_COUNTS_TAG = 'comment-counts';

/** Everything that shows an article with these slugs (old and new, when they changed). */
export function tagsForArticleChange(touched: { slugs: string[]; sections: string[]; tags: string[]; authors: string[] }): string[] {
  return [
    ...new Set([
      LISTINGS_TAG,
      ...touched.slugs.map(articleTag),
      ...touched.sections.map(sectionTag),
      ...touched.tags.map(tagTag),
      ...touched.authors.map(authorTag),
    ]),
  ];
}
