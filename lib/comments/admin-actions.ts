'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { BLOCKLIST_KINDS } from '@/db/schema';
import { requireStaff } from '@/lib/auth/session';
import type { ActionState } from '@/lib/forms/action-state';
import { addBlock, editCommentBody, getModerationRow, removeBlock, replyAsStaff } from './admin';
import { MODERATION_ACTIONS, moderateComments } from './moderation';

// Moderators' server actions. Each is a public POST endpoint: it checks the session itself first.

const idsSchema = z.array(z.coerce.number().int().positive()).min(1).max(500);

export type ModerationState = ActionState<Record<string, string>>;

/** Approve, unapprove, spam, not spam, trash, restore or delete the selected comments. */
export async function moderateSelected(_previous: ModerationState, formData: FormData): Promise<ModerationState> {
  const staff = await requireStaff();
  const action = z.enum(MODERATION_ACTIONS).safeParse(formData.get('action'));
  const ids = idsSchema.safeParse(formData.getAll('ids'));
  if (!action.success) return { status: 'error', message: 'Choose what to do with the selected comments.' };
  if (!ids.success) return { status: 'error', message: 'Select at least one comment first.' };
  const { changed, skipped } = moderateComments({ ids: ids.data, action: action.data, actor: staff.email });
  revalidatePath('/admin', 'layout');
  const verb = { approve: 'Approved', unapprove: 'Unapproved', spam: 'Marked as spam', 'not-spam': 'Marked as not spam', trash: 'Moved to trash', restore: 'Restored', delete: 'Deleted forever' }[action.data];
  return {
    status: changed.length ? 'success' : 'error',
    message: changed.length
      ? `${verb}: ${changed.length} ${changed.length === 1 ? 'comment' : 'comments'}.${skipped.length ? ` ${skipped.length} skipped.` : ''}`
      : 'Nothing changed: the selected comments were already in that state.',
  };
}

const editSchema = z.object({
  id: z.coerce.number().int().positive(),
  body: z.string().trim().min(2, { error: 'A comment needs at least 2 characters.' }).max(5000, { error: 'At most 5,000 characters.' }),
});

export async function editComment(_previous: ModerationState, formData: FormData): Promise<ModerationState> {
  const staff = await requireStaff();
  const parsed = editSchema.safeParse({ id: formData.get('id'), body: formData.get('body') });
  if (!parsed.success) return { status: 'error', message: z.flattenError(parsed.error).fieldErrors.body?.[0] ?? 'Check the text.' };
  if (!editCommentBody({ ...parsed.data, actor: staff.email })) return { status: 'error', message: 'That comment no longer exists.' };
  revalidatePath('/admin', 'layout');
  return { status: 'success', message: 'Comment updated.' };
}

const replySchema = z.object({
  parentId: z.coerce.number().int().positive(),
  body: z.string().trim().min(2, { error: 'A reply needs at least 2 characters.' }).max(5000, { error: 'At most 5,000 characters.' }),
});

export async function replyToComment(_previous: ModerationState, formData: FormData): Promise<ModerationState> {
  const staff = await requireStaff();
  const parsed = replySchema.safeParse({ parentId: formData.get('parentId'), body: formData.get('body') });
  if (!parsed.success) return { status: 'error', message: z.flattenError(parsed.error).fieldErrors.body?.[0] ?? 'Check the reply.' };
  const id = replyAsStaff({ ...parsed.data, actor: staff.email, name: staff.name || 'The Ledger' });
  if (!id) return { status: 'error', message: 'That comment no longer exists.' };
  revalidatePath('/admin', 'layout');
  return { status: 'success', message: 'Reply published.' };
}

const blockSchema = z.object({
  kind: z.enum(BLOCKLIST_KINDS),
  value: z.string().trim().min(1, { error: 'Enter what to block.' }).max(254),
});

/** Block an email, an IP hash or a word. From a comment row, pass `commentId` and the kind. */
export async function blockEntry(_previous: ModerationState, formData: FormData): Promise<ModerationState> {
  const staff = await requireStaff();
  let value = formData.get('value');
  const commentId = Number(formData.get('commentId'));
  if (Number.isSafeInteger(commentId) && commentId > 0) {
    const row = getModerationRow(commentId);
    if (!row) return { status: 'error', message: 'That comment no longer exists.' };
    if (formData.get('kind') === 'email') value = row.authorEmail;
    if (formData.get('kind') === 'ip') value = row.ipHash ?? '';
  }
  const parsed = blockSchema.safeParse({ kind: formData.get('kind'), value });
  if (!parsed.success) return { status: 'error', message: z.flattenError(parsed.error).fieldErrors.value?.[0] ?? 'Choose what to block.' };
  addBlock({ ...parsed.data, actor: staff.email });
  revalidatePath('/admin', 'layout');
  return { status: 'success', message: `Blocked ${parsed.data.kind === 'ip' ? 'the IP address' : `“${parsed.data.value}”`}.` };
}

export async function unblockEntry(formData: FormData): Promise<void> {
  const staff = await requireStaff();
  const id = z.coerce.number().int().positive().safeParse(formData.get('id'));
  if (id.success) removeBlock({ id: id.data, actor: staff.email });
  revalidatePath('/admin', 'layout');
}
