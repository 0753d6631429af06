'use server';

import { z } from 'zod';
import { staffAction } from '@/lib/auth/staff-action';
import type { ActionState } from '@/lib/forms/action-state';
import { articleFormSchema, restoreRevision, saveArticle, type Conflict, type SaveResult } from './editing';

/** What the editor learns from a save: where the article now stands, or whose text is newer. */
export interface SavedArticle {
  id?: number;
  version?: number;
  slug?: string;
  status?: string;
  /** When scheduled: the release, as the newsroom's wall clock shows it. */
  scheduledFor?: string;
  conflict?: Conflict;
}
export type ArticleActionState = ActionState<Record<string, string>, SavedArticle>;

function answer(result: SaveResult): ArticleActionState {
  if (result.ok) {
    return {
      status: 'success',
      message: result.message,
      extra: { id: result.id, version: result.version, slug: result.slug, status: result.status, scheduledFor: result.scheduledFor },
    };
  }
  if ('conflict' in result) return { status: 'error', message: result.message, extra: { conflict: result.conflict } };
  return { status: 'error', message: result.message, fieldErrors: result.fieldErrors as ArticleActionState['fieldErrors'] };
}

/** Every button of the editor: save a draft, autosave, publish, schedule, update, unpublish. */
export const saveArticleAction = staffAction<typeof articleFormSchema, Record<string, string>>(
  { role: 'editor', schema: articleFormSchema, arrays: ['authorIds'], refresh: false },
  (input, { staff }) => answer(saveArticle(input, staff)),
);

/** Puts a revision's text back, as a new save from the version the editor is looking at. */
export const restoreRevisionAction = staffAction(
  {
    role: 'editor',
    schema: z.object({
      articleId: z.coerce.number().int().positive(),
      revisionId: z.coerce.number().int().positive(),
      version: z.coerce.number().int().min(1),
    }),
    invalid: 'That revision no longer exists.',
  },
  (input, { staff }) => answer(restoreRevision(input, staff)),
);
