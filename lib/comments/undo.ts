import type { CommentStatus } from '@/db/schema';
import type { ModerationAction } from './moderation';

/** What a moderation answer offers to undo: the action, and each comment's status before it. */
export interface UndoOffer {
  action: Exclude<ModerationAction, 'delete'>;
  previous: { id: number; status: CommentStatus }[];
}
