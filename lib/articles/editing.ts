import 'server-only';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import {
  articleAuthors,
  articleRevisions,
  articles,
  articleTags,
  authors,
  media,
  sections,
  slugRedirects,
  tags,
  type Article,
} from '@/db/schema';
import { invalidateCacheTags } from '@/lib/cache/invalidate';
import { getMediaRef } from '@/lib/media/queries';
import type { MediaRef } from '@/lib/media/rules';
import { env } from '@/lib/env';
import { isValidSlug } from '@/lib/site/urls';
import { newsroomNow } from '@/lib/site/clock';
import { formatNewsroomTime } from '@/lib/site/dates';
import { logStaffAction } from '@/lib/staff/log';
import { getRevision } from './admin-queries';
import { tagsForArticleChange } from './cache-tags';
import { articleFields, pagesShowing, readArticleLinks, type ArticleFields, type ArticleLinks } from './article-links';
import { fromZonedInput, goesPublic, INTENTS, slugify, toZonedInput, transition, wasPublished, type Intent } from './editorial-rules';

// Writing, publishing, updating and taking down articles. Every write is one transaction that
// checks the version the editor started from, keeps a revision of a published text it replaces,
// keeps the old URL of a changed slug, writes the staff log, and then invalidates the cache tags
// of every page that shows (or showed) the article. Callers check the role (staffAction 'editor').

const MAX_BODY = 200_000;

/**
 * A form sends line breaks as CRLF (multipart/form-data says so); the text is kept with LF, so a
 * revision compares line by line with what was typed before, not as all lines changed.
 */
const lines = () => z.string().transform((text) => text.replace(/\r\n?/g, '\n'));

const trimmed = (max: number, label: string) =>
  lines().pipe(
    z
      .string()
      .trim()
      .max(max, { error: `${label} is too long: at most ${max} characters.` }),
  );

/** An id from a form field that may be empty or absent (a new article, no picture). */
const optionalId = z
  .union([z.literal(''), z.coerce.number().int().positive()])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

/** The editor's form, as strings: what a person typed, validated field by field. */
export const articleFormSchema = z.object({
  id: optionalId,
  version: z.coerce.number().int().min(0).default(0),
  intent: z.enum(INTENTS, { error: 'Choose what to do with the article.' }),
  title: z
    .string()
    .trim()
    .max(200, { error: 'The title is too long: at most 200 characters.' })
    .min(1, { error: 'Give the article a title.' }),
  summary: trimmed(400, 'The summary').default(''),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(120, { error: 'The slug is too long: at most 120 characters.' })
    .refine((s) => s === '' || isValidSlug(s), {
      error: 'Use lowercase letters, digits and single hyphens in the slug, such as council-budget-2027.',
    })
    .default(''),
  sectionId: z.coerce.number({ error: 'Choose a section.' }).int().positive({ error: 'Choose a section.' }),
  tags: trimmed(1000, 'The tags').default(''),
  authorIds: z.array(z.coerce.number().int().positive()).default([]),
  body: lines()
    .pipe(z.string().max(MAX_BODY, { error: `The body is too long: at most ${MAX_BODY.toLocaleString('en-GB')} characters.` }))
    .default(''),
  imageId: optionalId,
  imageAlt: trimmed(300, 'The alt text').default(''),
  imageCaption: trimmed(500, 'The caption').default(''),
  imageCredit: trimmed(200, 'The credit').default(''),
  commentsOpen: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === 'true'),
  correction: trimmed(1000, 'The correction').default(''),
  scheduleAt: z.string().trim().default(''),
});
export type ArticleForm = z.output<typeof articleFormSchema>;
export type FieldErrors = Partial<Record<keyof ArticleForm, string[]>>;

export type SaveResult =
  | { ok: true; id: number; slug: string; version: number; status: Article['status']; scheduledFor?: string; message: string }
  | { ok: false; message: string; fieldErrors?: FieldErrors }
  | { ok: false; conflict: Conflict; message: string };

/** Someone else saved since this editor opened the article: their text, to show beside ours. */
export interface Conflict {
  by: string;
  version: number;
  /** Where their save left the article, which the editor adopts with their version. */
  status: Article['status'];
  slug: string;
  theirs: ArticleFields;
  /** When, as the newsroom's clock says it. */
  atText: string;
  /** Their picture, so the editor can show it and take it. */
  theirImage: MediaRef | null;
}

/** Tag names from "Council budgets, AI; procurement": trimmed, de-duplicated, order kept. */
export function parseTagNames(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const name = raw.trim().replace(/\s+/g, ' ').slice(0, 60);
    const slug = slugify(name);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    names.push(name);
  }
  return names;
}

/** What must be true before readers can see an article; drafts may be incomplete. */
function checkPublishable(input: ArticleForm): FieldErrors {
  const errors: FieldErrors = {};
  if (input.body.trim() === '') errors.body = ['Write the article before publishing it.'];
  if (input.authorIds.length === 0) errors.authorIds = ['Choose at least one author for the byline.'];
  if (input.imageId !== null && input.imageAlt === '')
    errors.imageAlt = ['Describe the picture for readers who cannot see it: alt text is needed to publish it.'];
  return errors;
}

const sectionExists = (tx: Tx, id: number) => Boolean(tx.select({ id: sections.id }).from(sections).where(eq(sections.id, id)).get());

/** Who someone is in messages and the log: their name if the dashboard knows it, else the address. */
export interface Editor {
  email: string;
  name: string | null;
}
const editorName = (editor: Editor) => editor.name?.trim() || editor.email;

/** The staff log's word for each button; an autosave is logged as the save it is. */
const ACTION_NAMES: Record<Exclude<Intent, 'autosave'>, string> = {
  save: 'article-save',
  publish: 'article-publish',
  schedule: 'article-schedule',
  update: 'article-update',
  unpublish: 'article-unpublish',
};

/**
 * Saves the editor's form with the button it was sent with. Refuses a save over a version newer
 * than the one the editor opened (returning the other text), a slug another article has or had, a
 * schedule time in the past, and an incomplete article going public. Unpublish changes only the
 * status: what the form holds then is not saved (the editor keeps it on screen).
 */
export function saveArticle(input: ArticleForm, editor: Editor, now: Date = newsroomNow()): SaveResult {
  let scheduleAt: Date | undefined;
  if (input.intent === 'schedule') {
    const parsed = fromZonedInput(input.scheduleAt, env.SITE_TIME_ZONE);
    if (!parsed.ok) return { ok: false, message: parsed.message, fieldErrors: { scheduleAt: [parsed.message] } };
    scheduleAt = parsed.at;
  }
  const slug = input.slug || slugify(input.title);
  if (!slug)
    return {
      ok: false,
      message: 'Give the article a slug.',
      fieldErrors: { slug: ['The title has no letters or digits to make a slug from: type one.'] },
    };
  const tagNames = parseTagNames(input.tags);
  const authorIds = [...new Set(input.authorIds)];

  const outcome = getDb().transaction(
    (tx) => {
      const existing = input.id === null ? undefined : tx.select().from(articles).where(eq(articles.id, input.id)).get();
      if (input.id !== null && !existing) return { ok: false as const, message: 'That article no longer exists.' };
      const before = existing ? readArticleLinks(tx, existing.id) : null;
      if (existing && before && existing.version !== input.version) return conflictWith(existing, before);

      // Only the dates go through the rules: `next` is written back over the row.
      const dates = existing
        ? { status: existing.status, publishedAt: existing.publishedAt, revisedAt: existing.revisedAt, scheduledAt: existing.scheduledAt }
        : { status: 'draft' as const, publishedAt: null, revisedAt: null, scheduledAt: null };
      const moved = transition(dates, input.intent, {
        now,
        scheduleAt,
      });
      if (!moved.ok)
        return {
          ok: false as const,
          message: moved.message,
          fieldErrors: input.intent === 'schedule' ? { scheduleAt: [moved.message] } : undefined,
        };
      const next = moved.next;
      const audit = { updatedAt: now, updatedBy: editorName(editor) };

      let row: Article;
      if (existing && input.intent === 'unpublish') {
        row = tx
          .update(articles)
          .set({ ...next, ...audit, version: existing.version + 1 })
          .where(eq(articles.id, existing.id))
          .returning()
          .get();
      } else {
        // References must exist (a stale form may name a deleted picture or author).
        const errors: FieldErrors = {};
        if (!sectionExists(tx, input.sectionId)) errors.sectionId = ['Choose a section.'];
        const knownAuthors = authorIds.length
          ? tx.select({ id: authors.id }).from(authors).where(inArray(authors.id, authorIds)).all()
          : [];
        if (knownAuthors.length !== authorIds.length) errors.authorIds = ['One of the authors no longer exists: choose again.'];
        if (input.imageId !== null && !tx.select({ id: media.id }).from(media).where(eq(media.id, input.imageId)).get())
          errors.imageId = ['That picture is no longer in the library: choose another.'];
        if (goesPublic(next.status)) Object.assign(errors, checkPublishable({ ...input, authorIds }));
        const slugOwner = tx
          .select({ id: articles.id })
          .from(articles)
          .where(and(eq(articles.slug, slug), existing ? ne(articles.id, existing.id) : undefined))
          .get();
        const redirectOwner = tx
          .select({ articleId: slugRedirects.articleId })
          .from(slugRedirects)
          .where(eq(slugRedirects.slug, slug))
          .get();
        if (slugOwner || (redirectOwner && redirectOwner.articleId !== existing?.id))
          errors.slug = [`Another article ${slugOwner ? 'has' : 'had'} the address /articles/${slug}: choose another slug.`];
        if (Object.keys(errors).length > 0) {
          const first = Object.values(errors)[0]![0]!;
          return { ok: false as const, message: `Not saved. ${first}`, fieldErrors: errors };
        }

        // A published text about to be replaced is kept, so it can be compared and restored.
        if (existing && before && existing.status === 'published') {
          tx.insert(articleRevisions)
            .values({
              articleId: existing.id,
              version: existing.version,
              fields: articleFields(existing, before) as unknown as Record<string, unknown>,
              savedBy: existing.updatedBy,
              createdAt: existing.updatedAt,
            })
            .run();
        }
        const correctionChanged = input.correction !== (existing?.correction ?? '');
        const values = {
          slug,
          title: input.title,
          summary: input.summary,
          body: input.body,
          sectionId: input.sectionId,
          authorId: authorIds[0] ?? existing?.authorId ?? fallbackAuthor(tx),
          commentsOpen: input.commentsOpen,
          imageId: input.imageId,
          imageAlt: input.imageAlt,
          imageCaption: input.imageCaption,
          imageCredit: input.imageCredit,
          correction: input.correction,
          correctedAt: input.correction === '' ? null : correctionChanged ? now : (existing?.correctedAt ?? now),
          ...next,
          ...audit,
        };
        row = existing
          ? tx
              .update(articles)
              .set({ ...values, version: existing.version + 1 })
              .where(eq(articles.id, existing.id))
              .returning()
              .get()
          : tx
              .insert(articles)
              .values({ ...values, version: 1, createdAt: now })
              .returning()
              .get();

        // The old address of an article readers have seen keeps working (308 while it is live).
        if (existing && existing.slug !== slug && wasPublished(existing)) {
          tx.insert(slugRedirects)
            .values({ slug: existing.slug, articleId: row.id })
            .onConflictDoUpdate({ target: slugRedirects.slug, set: { articleId: row.id } })
            .run();
        }
        // Taking back an old slug: it is the article's address again, not a redirect.
        tx.delete(slugRedirects)
          .where(and(eq(slugRedirects.slug, slug), eq(slugRedirects.articleId, row.id)))
          .run();

        const tagRows = tagNames.map((name) => {
          const tagSlug = slugify(name);
          return tx
            .insert(tags)
            .values({ slug: tagSlug, name })
            .onConflictDoUpdate({ target: tags.slug, set: { slug: tagSlug } })
            .returning({ id: tags.id })
            .get();
        });
        tx.delete(articleTags).where(eq(articleTags.articleId, row.id)).run();
        for (const t of tagRows) tx.insert(articleTags).values({ articleId: row.id, tagId: t.id }).run();
        tx.delete(articleAuthors).where(eq(articleAuthors.articleId, row.id)).run();
        authorIds.forEach((authorId, position) => tx.insert(articleAuthors).values({ articleId: row.id, authorId, position }).run());
      }

      // An autosave is logged only when it creates the article; later ones would flood the log.
      if (input.intent !== 'autosave' || !existing) {
        logStaffAction(tx, {
          actor: editor.email,
          action: ACTION_NAMES[input.intent === 'autosave' ? 'save' : input.intent],
          detail: `${row.title} (/articles/${row.slug}, version ${row.version})`,
          link: `/admin/articles/${row.id}`,
          at: now,
        });
      }

      // Readers could see it before or after (or it answered 410): every page that shows it changes.
      const public_ = (status: Article['status']) => status !== 'draft';
      const touched =
        (existing && public_(existing.status)) || public_(row.status) ? pagesShowing([before, readArticleLinks(tx, row.id)]) : null;
      return { ok: true as const, row, touched };
    },
    { behavior: 'immediate' },
  );
  if (!outcome.ok) return outcome;
  if (outcome.touched) invalidateCacheTags(tagsForArticleChange(outcome.touched));
  const { row } = outcome;
  return {
    ok: true,
    id: row.id,
    slug: row.slug,
    version: row.version,
    status: row.status,
    scheduledFor: row.scheduledAt ? toZonedInput(row.scheduledAt, env.SITE_TIME_ZONE) : undefined,
    message: successMessage(input.intent, row),
  };
}

/** The answer to a save over a newer version: who saved it, when, and their text. */
function conflictWith(existing: Article, links: ArticleLinks) {
  // Read on the same connection, inside the caller's transaction.
  const theirImage = getMediaRef(existing.imageId);
  const by = existing.updatedBy ?? 'someone';
  return {
    ok: false as const,
    conflict: {
      by,
      atText: formatNewsroomTime(existing.updatedAt),
      version: existing.version,
      status: existing.status,
      slug: existing.slug,
      theirs: articleFields(existing, links),
      theirImage,
    },
    message: `This article was changed by ${by} at ${formatNewsroomTime(existing.updatedAt)} since you opened it. Nothing was saved: your text is still here, and theirs is shown below to compare.`,
  };
}

function fallbackAuthor(tx: Tx): number {
  const first = tx.select({ id: authors.id }).from(authors).orderBy(authors.id).limit(1).get();
  if (!first) throw new Error('There are no authors to put on a byline.');
  return first.id;
}

function successMessage(intent: Intent, row: Article): string {
  switch (intent) {
    case 'save':
      return row.status === 'scheduled' ? `Saved. It is still scheduled for ${formatNewsroomTime(row.scheduledAt!)}.` : 'Draft saved.';
    case 'autosave':
      return `Saved automatically at ${formatNewsroomTime(row.updatedAt, { timeOnly: true })}.`;
    case 'publish':
      return 'Published. Readers can see it now.';
    case 'schedule':
      return `Scheduled for ${formatNewsroomTime(row.scheduledAt!)}.`;
    case 'update':
      return 'Updated. Readers see the new text now.';
    case 'unpublish':
      return row.status === 'draft' ? 'No longer scheduled: it is a draft again.' : 'Unpublished. Its address now answers that it is gone.';
  }
}

/** Restores a revision's text as a new save (itself revisable), from the version the editor saw. */
export function restoreRevision(
  { articleId, revisionId, version }: { articleId: number; revisionId: number; version: number },
  editor: Editor,
  now: Date = newsroomNow(),
): SaveResult {
  const revision = getRevision({ articleId, id: revisionId });
  const article = getDb().select({ status: articles.status, slug: articles.slug }).from(articles).where(eq(articles.id, articleId)).get();
  if (!revision || !article) return { ok: false, message: 'That revision no longer exists.' };
  const fields = revision.fields as unknown as ArticleFields;
  return saveArticle(
    {
      ...fields,
      // The text comes back; the address stays what it is now (a restore never moves a URL).
      slug: article.slug,
      id: articleId,
      version,
      intent: article.status === 'published' ? 'update' : 'save',
      scheduleAt: '',
    },
    editor,
    now,
  );
}
