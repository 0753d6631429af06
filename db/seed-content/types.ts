export type SectionSlug = 'digital-government' | 'procurement' | 'local-councils' | 'cyber-security' | 'data' | 'health-it';

export type AuthorSlug = 'maya-okafor' | 'tom-lindqvist' | 'priya-raman' | 'hannah-kerr' | 'samuel-ortiz';

export interface SeedSection {
  slug: SectionSlug;
  name: string;
  description: string;
}

export interface SeedAuthor {
  slug: AuthorSlug;
  name: string;
  role: string;
  bio: string;
}

export interface SeedArticle {
  slug: string;
  title: string;
  /** One-sentence standfirst shown under the headline. */
  summary: string;
  section: SectionSlug;
  author: AuthorSlug;
  /** Tag names, e.g. 'Open source'; the seed derives their slugs. */
  tags: string[];
  /** Days before the seed's anchor time that the article was published (0-89). */
  daysAgo: number;
  /** Days before the anchor that it was last updated; omit when never updated. */
  updatedDaysAgo?: number;
  /** Defaults to true. */
  commentsOpen?: boolean;
  /** Defaults to 'published'. */
  status?: 'published' | 'draft';
  /** Markdown body (no top-level heading: the title is rendered separately). */
  body: string;
}
