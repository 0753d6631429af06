import 'server-only';
import { count, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { media, type Media } from '@/db/schema';
import { paginate } from '@/lib/articles/pagination';
import { toMediaRef, type MediaLibraryItem, type MediaRef } from './rules';

// Reads of the media library. Staff pages and routes call these after checking the session; the
// public /media route reads only what it needs to find a file (getStoredPicture).

const MEDIA_PAGE_SIZE = 50;
/** The picker shows the newest this many (or those matching its search). */
const MEDIA_LIBRARY_LIMIT = 60;

const libraryColumns = {
  id: media.id,
  hash: media.hash,
  format: media.format,
  width: media.width,
  height: media.height,
  alt: media.alt,
  credit: media.credit,
  originalName: media.originalName,
};

/** The stored picture with this hash, as the /media route needs it; null when there is none. */
export function getStoredPicture(hash: string): { hash: string; format: Media['format'] } | null {
  return getDb().select({ hash: media.hash, format: media.format }).from(media).where(eq(media.hash, hash)).get() ?? null;
}

/** A picture as the article editor holds it (no file name), or null; for the editor and its conflicts. */
export function getMediaRef(id: number | null): MediaRef | null {
  const item = id === null ? null : getMediaById(id);
  return item && toMediaRef(item);
}

export function getMediaById(id: number): MediaLibraryItem | null {
  return getDb().select(libraryColumns).from(media).where(eq(media.id, id)).get() ?? null;
}

/** A page of the media library, newest first, with who uploaded each picture and when. */
export function listMedia({ page = 1 }: { page?: number } = {}) {
  const db = getDb();
  const total = db.select({ n: count() }).from(media).get()?.n ?? 0;
  const bounds = paginate(total, page, MEDIA_PAGE_SIZE);
  const rows = db
    .select({ ...libraryColumns, bytes: media.bytes, uploadedBy: media.uploadedBy, createdAt: media.createdAt })
    .from(media)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(bounds.limit)
    .offset(bounds.offset)
    .all();
  return { rows, total, page, pageCount: bounds.pageCount };
}

/** The newest pictures for the media picker, optionally those whose file name contains `q`. */
export function listMediaLibrary({ q }: { q?: string } = {}): MediaLibraryItem[] {
  const term = q
    ?.trim()
    .toLowerCase()
    .replace(/[%_\\]/g, (c) => `\\${c}`);
  return getDb()
    .select(libraryColumns)
    .from(media)
    .where(term ? sql`lower(${media.originalName}) LIKE ${`%${term}%`} ESCAPE '\\'` : undefined)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(MEDIA_LIBRARY_LIMIT)
    .all();
}
