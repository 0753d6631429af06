import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { articleAuthors, authors, media } from '@/db/schema';
import { pagesShowing, readArticleLinks } from '@/lib/articles/article-links';
import { authorTag, tagsForArticleChange } from '@/lib/articles/cache-tags';
import { invalidateCacheTags } from '@/lib/cache/invalidate';
import { toMediaRef, type MediaRef } from '@/lib/media/rules';
import { logStaffAction } from '@/lib/staff/log';

// Author profiles as editors keep them: the name and role in every byline, and the bio and
// portrait on the author's page.

export const MAX_AUTHOR_NAME = 80;
export const MAX_AUTHOR_ROLE = 80;
export const MAX_AUTHOR_BIO = 600;

export interface AuthorProfile {
  id: number;
  slug: string;
  name: string;
  role: string;
  bio: string;
  photo: MediaRef | null;
}

export function listAuthorProfiles(): AuthorProfile[] {
  return readProfiles();
}

export function getAuthorProfile(id: number): AuthorProfile | null {
  return readProfiles(id)[0] ?? null;
}

function readProfiles(id?: number): AuthorProfile[] {
  const rows = getDb()
    .select({ author: authors, photo: media })
    .from(authors)
    .leftJoin(media, eq(media.id, authors.photoId))
    .where(id === undefined ? undefined : eq(authors.id, id))
    .orderBy(asc(authors.name))
    .all();
  return rows.map(({ author, photo }) => ({
    id: author.id,
    slug: author.slug,
    name: author.name,
    role: author.role,
    bio: author.bio,
    photo: photo ? toMediaRef(photo) : null,
  }));
}

export const authorFormSchema = z.object({
  id: z.coerce.number().int().positive(),
  name: z
    .string()
    .trim()
    .min(1, { error: 'Give the author a name: it is the byline.' })
    .max(MAX_AUTHOR_NAME, { error: `Keep the name under ${MAX_AUTHOR_NAME} characters.` }),
  role: z
    .string()
    .trim()
    .max(MAX_AUTHOR_ROLE, { error: `Keep the role under ${MAX_AUTHOR_ROLE} characters.` }),
  bio: z
    .string()
    .trim()
    .max(MAX_AUTHOR_BIO, { error: `Keep the bio under ${MAX_AUTHOR_BIO} characters: two or three sentences.` }),
  photoId: z.union([z.literal(''), z.coerce.number().int().positive()]).transform((v) => (v === '' ? null : v)),
});
export type AuthorForm = z.output<typeof authorFormSchema>;

/**
 * Saves a profile. The name and role are in the byline of every article the author wrote, so a
 * change to them refreshes those articles' pages and the lists that show them; the bio and photo
 * are on the author page only.
 */
export function saveAuthorProfile(input: AuthorForm, editor: { email: string }): { ok: true } | { ok: false; message: string } {
  const db = getDb();
  const outcome = db.transaction(
    (tx) => {
      const before = tx.select().from(authors).where(eq(authors.id, input.id)).get();
      if (!before) return { ok: false as const, message: 'This author no longer exists.' };
      if (input.photoId !== null && !tx.select({ id: media.id }).from(media).where(eq(media.id, input.photoId)).get()) {
        return { ok: false as const, message: 'That picture is no longer in the library. Choose another.' };
      }
      tx.update(authors)
        .set({ name: input.name, role: input.role, bio: input.bio, photoId: input.photoId })
        .where(eq(authors.id, input.id))
        .run();
      logStaffAction(tx, {
        actor: editor.email,
        action: 'author-edit',
        detail: `${input.name} (/author/${before.slug})`,
        link: `/admin/authors/${before.id}`,
      });
      const bylineChanged = before.name !== input.name || before.role !== input.role;
      const articleIds = bylineChanged
        ? tx.select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.authorId, input.id)).all()
        : [];
      return {
        ok: true as const,
        tags: [
          authorTag(before.slug),
          ...(articleIds.length > 0 ? tagsForArticleChange(pagesShowing(articleIds.map((a) => readArticleLinks(tx, a.id)))) : []),
        ],
      };
    },
    { behavior: 'immediate' },
  );
  if (!outcome.ok) return outcome;
  invalidateCacheTags([...new Set(outcome.tags)]);
  return { ok: true };
}
