// Moderate comments from the command line, through the same functions as the dashboard.
//   npm run comments -- list [pending|approved|spam|trash]
//   npm run comments -- approve|unapprove|spam|not-spam|trash|restore|delete <id…>
import { closeDb } from '../db';
import { deliverDuePurges } from '../lib/cache/purges';
import { prepareDatabase } from '../db/prepare';
import type { CommentStatus } from '../db/schema';
import { COMMENT_STATUSES } from '../db/schema';
import { listModerationQueue } from '../lib/comments/moderation';
import { MODERATION_ACTIONS, moderateComments, type ModerationAction } from '../lib/comments/moderation';

function usage(): never {
  console.error(`Usage:
  npm run comments -- list [${COMMENT_STATUSES.join('|')}]
  npm run comments -- ${MODERATION_ACTIONS.join('|')} <id> [id…]`);
  process.exit(2);
}

const [command, ...args] = process.argv.slice(2);
if (!command) usage();
prepareDatabase();
const actor = `cli:${process.env.USER ?? 'unknown'}`;

if (command === 'list') {
  const status = (args[0] ?? 'pending') as CommentStatus;
  if (!COMMENT_STATUSES.includes(status)) usage();
  const { rows, total } = listModerationQueue({ status });
  console.log(`${total} ${status} comment${total === 1 ? '' : 's'}${total > rows.length ? ` (showing the newest ${rows.length})` : ''}`);
  for (const c of rows) {
    const held = c.heldReasons.length ? `  [held: ${c.heldReasons.join('; ')}]` : '';
    console.log(`#${c.id}  ${c.createdAt.toISOString()}  ${c.authorName} <${c.authorEmail}>  on ${c.articleSlug}${held}`);
    console.log(`    ${c.body.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
} else if ((MODERATION_ACTIONS as readonly string[]).includes(command)) {
  const ids = args.map(Number);
  if (ids.length === 0 || ids.some((n) => !Number.isSafeInteger(n) || n <= 0)) usage();
  const { changed, skipped } = moderateComments({ ids, action: command as ModerationAction, actor });
  console.log(`${command}: ${changed.length ? `#${changed.join(', #')}` : 'nothing changed'}`);
  if (skipped.length) console.log(`skipped (not found, or already in that state): #${skipped.join(', #')}`);
} else usage();

// The shared caches' purges for what changed go out before the database closes (queued, so a
// cache that does not answer now is purged by a server later).
void deliverDuePurges()
  .catch((error: unknown) => console.error('[purges] not sent now; a server will send them:', error))
  .finally(() => closeDb());
