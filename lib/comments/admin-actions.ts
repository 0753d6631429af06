'use server';

import { z } from 'zod';
import { BLOCKLIST_KINDS, COMMENT_STATUSES, COMMENTER_TRUST, type CommenterTrust } from '@/db/schema';
import { staffAction } from '@/lib/auth/staff-action';
import { addBlock, editCommentBody, getModerationRow, removeBlock, replyAsStaff } from './moderation';
import { MODERATION_ACTIONS, moderateComments, undoModeration } from './moderation';
import type { UndoOffer } from './undo';
import { setCommenterTrust } from './commenters';

// Moderators' server actions (lib/auth/staff-action.ts checks the caller first).

const id = z.coerce.number().int().positive();
const text = (what: string) =>
  z
    .string()
    .trim()
    .min(2, { error: `${what} needs at least 2 characters.` })
    .max(5000, { error: 'At most 5,000 characters.' });

const VERBS = {
  approve: 'Approved',
  unapprove: 'Unapproved',
  spam: 'Marked as spam',
  'not-spam': 'Marked as not spam',
  trash: 'Moved to trash',
  restore: 'Restored',
  delete: 'Deleted forever',
} as const;

/** Approve, unapprove, spam, not spam, trash, restore or delete the selected comments. */
export const moderateSelected = staffAction(
  {
    schema: z.object({
      action: z.enum(MODERATION_ACTIONS, { error: 'Choose what to do with the selected comments.' }),
      ids: z.array(z.coerce.number().int().positive()).min(1, { error: 'Select at least one comment first.' }).max(500),
    }),
    arrays: ['ids'],
  },
  ({ action, ids }, { staff }) => {
    const { changed, skipped, previous } = moderateComments({ ids, action, actor: staff.email });
    if (changed.length === 0) return { status: 'error', message: 'Nothing changed: the selected comments were already in that state.' };
    const count = `${changed.length} ${changed.length === 1 ? 'comment' : 'comments'}`;
    // Every action but delete forever can be undone from the status line (or with z).
    const undo: UndoOffer | undefined = action === 'delete' ? undefined : { action, previous };
    return {
      status: 'success',
      message: `${VERBS[action]}: ${count}.${skipped.length ? ` ${skipped.length} skipped.` : ''}`,
      extra: undo && { undo },
    };
  },
);

/** Puts the comments of the last action back where they were. */
export const undoModerationAction = staffAction(
  {
    schema: z.object({
      action: z.enum(MODERATION_ACTIONS).exclude(['delete'], { error: 'Delete forever cannot be undone.' }),
      previous: z
        .string()
        .transform((raw, ctx) => {
          try {
            return JSON.parse(raw) as unknown;
          } catch {
            ctx.addIssue({ code: 'custom', message: 'There is nothing to undo.' });
            return z.NEVER;
          }
        })
        .pipe(
          z
            .array(z.object({ id, status: z.enum(COMMENT_STATUSES) }))
            .min(1, { error: 'There is nothing to undo.' })
            .max(500),
        ),
    }),
  },
  ({ action, previous }, { staff }) => {
    const restored = undoModeration({ action, previous, actor: staff.email });
    if (restored.length === 0) return { status: 'error', message: 'Nothing to undo: those comments have been moderated again since.' };
    const count = `${restored.length} ${restored.length === 1 ? 'comment' : 'comments'}`;
    const left = previous.length - restored.length;
    return {
      status: 'success',
      message: `Undone: ${count} back where ${restored.length === 1 ? 'it was' : 'they were'}.${left ? ` ${left} moderated again since, left alone.` : ''}`,
    };
  },
);

export const editComment = staffAction({ schema: z.object({ id, body: text('A comment') }) }, (input, { staff }) =>
  editCommentBody({ ...input, actor: staff.email })
    ? { status: 'success', message: 'Comment updated.' }
    : { status: 'error', message: 'That comment no longer exists.' },
);

export const replyToComment = staffAction({ schema: z.object({ parentId: id, body: text('A reply') }) }, (input, { staff }) => {
  const result = replyAsStaff({ ...input, actor: staff.email, name: staff.name || 'The Ledger' });
  if (!result.ok) return { status: 'error', message: result.message };
  return { status: 'success', message: result.approvedParent ? 'Comment approved and reply published.' : 'Reply published.' };
});

/** Block an email, an IP hash or a word. From a comment row: `commentId` and the kind, no value. */
export const blockEntry = staffAction(
  {
    schema: z.object({
      kind: z.enum(BLOCKLIST_KINDS, { error: 'Choose what to block.' }),
      value: z.string().trim().max(254).default(''),
      commentId: z.union([z.literal(''), id]).optional(),
    }),
  },
  ({ kind, value, commentId }, { staff }) => {
    let blocked = value;
    if (commentId) {
      const row = getModerationRow(commentId);
      if (!row) return { status: 'error', message: 'That comment no longer exists.' };
      if (kind === 'email') blocked = row.authorEmail;
      if (kind === 'ip') blocked = row.ipHash ?? '';
    }
    if (!blocked) return { status: 'error', message: 'Enter what to block.', fieldErrors: { value: ['Enter what to block.'] } };
    addBlock({ kind, value: blocked, actor: staff.email });
    return { status: 'success', message: `Blocked ${kind === 'ip' ? 'the IP address' : `“${blocked}”`}.` };
  },
);

export const unblockEntry = staffAction({ schema: z.object({ id }), invalid: 'That entry no longer exists.' }, ({ id }, { staff }) => {
  removeBlock({ id, actor: staff.email });
  return { status: 'success', message: 'Unblocked.' };
});

const TRUST_SAID: Record<CommenterTrust, string> = {
  trusted: 'Marked Trusted: comments from a browser that proved this address are published at once.',
  'always-moderate': 'Marked Always moderate: every comment from this address waits for a moderator.',
  auto: 'Back to automatic: trusted once enough comments are approved.',
};

/** From the commenter's history: Trusted, Always moderate, or automatic. */
export const setCommenterTrustAction = staffAction(
  {
    schema: z.object({
      email: z
        .string()
        .trim()
        .toLowerCase()
        .min(3)
        .max(254)
        .pipe(z.email({ error: 'That is not an email address.' })),
      trust: z.enum(COMMENTER_TRUST, { error: 'Choose how to treat this address.' }),
    }),
  },
  ({ email, trust }, { staff }) => {
    setCommenterTrust({ email, trust, actor: staff.email });
    return { status: 'success', message: TRUST_SAID[trust] };
  },
);
