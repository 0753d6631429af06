import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getAuthorPage, getSectionPage, getTagPage, type ArticleSummary, type Page } from '@/lib/articles/queries';
import { parsePageParam } from '@/lib/articles/pagination';
import { authorPath, isValidSlug, pagePath, sectionPath, tagPath } from '@/lib/site/urls';
import { ArchiveList } from './archive-list';
import { feedTypes } from '@/lib/site/feeds';
import type { MediaImage } from '@/lib/media/rules';
import { ResponsiveImage } from './media/responsive-image';

// Section, tag and author archives share one shape: a header, a page of articles, pagination.

export type ArchiveKind = 'section' | 'tag' | 'author';
export type ArchiveParams = Promise<{ slug: string; page?: string }>;

interface Archive {
  kicker: string;
  title: string;
  description: string;
  base: string;
  feed?: string;
  list: Page<ArticleSummary>;
  /** An author's portrait. */
  photo?: MediaImage | null;
  /** On an author page, the author: left out of each byline below. */
  authorSlug?: string;
}

async function loadArchive(kind: ArchiveKind, params: ArchiveParams): Promise<Archive | null> {
  const { slug, page: rawPage } = await params;
  const page = parsePageParam(rawPage);
  if (!isValidSlug(slug) || page === null) return null;
  if (kind === 'section') {
    const data = await getSectionPage({ slug, page });
    if (!data) return null;
    const base = sectionPath(slug);
    return {
      kicker: 'Section',
      title: data.section.name,
      description: data.section.description,
      base,
      feed: `${base}/feed.xml`,
      list: data.list,
    };
  }
  if (kind === 'tag') {
    const data = await getTagPage({ slug, page });
    if (!data) return null;
    return {
      kicker: 'Topic',
      title: data.tag.name,
      description: `Articles tagged ${data.tag.name}.`,
      base: tagPath(slug),
      list: data.list,
    };
  }
  const data = await getAuthorPage({ slug, page });
  if (!data) return null;
  return {
    kicker: data.author.role || 'Author',
    title: data.author.name,
    description: data.author.bio,
    base: authorPath(slug),
    list: data.list,
    photo: data.author.photo,
    authorSlug: slug,
  };
}

export async function archiveMetadata(kind: ArchiveKind, params: ArchiveParams): Promise<Metadata> {
  const archive = await loadArchive(kind, params);
  if (!archive) return { title: 'Page not found' };
  const { page } = archive.list;
  return {
    title: page > 1 ? `${archive.title}, page ${page}` : archive.title,
    description: archive.description,
    alternates: {
      canonical: pagePath(archive.base, page),
      types: feedTypes(archive.feed ? { url: archive.feed, title: archive.title } : undefined),
    },
  };
}

export async function ArchivePage({ kind, params }: { kind: ArchiveKind; params: ArchiveParams }) {
  const archive = await loadArchive(kind, params);
  if (!archive) notFound();
  const { page } = archive.list;
  return (
    <>
      <header className={`page-header${archive.photo ? ' page-header--with-photo' : ''}`}>
        {archive.photo && (
          // The name beside it says who this is.
          <ResponsiveImage className="author-photo" image={archive.photo} alt="" sizes="7rem" priority />
        )}
        <p className="kicker">{archive.kicker}</p>
        <h1>
          {archive.title}
          {page > 1 && <span className="visually-hidden">, page {page}</span>}
        </h1>
        {archive.description && <p className={kind === 'author' ? 'author-bio' : undefined}>{archive.description}</p>}
      </header>
      <ArchiveList base={archive.base} list={archive.list} showSection={kind !== 'section'} omitAuthor={archive.authorSlug} />
      {archive.feed && (
        <p className="hint">
          <a href={archive.feed}>RSS feed for {archive.title}</a>
        </p>
      )}
    </>
  );
}
