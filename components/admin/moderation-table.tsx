import Link from 'next/link';
import { DateTime } from '@/components/date-time';
import { blockEntry, editComment, moderateSelected, replyToComment } from '@/lib/comments/admin-actions';
import type { ModerationRow } from '@/lib/comments/moderation';
import { REPORT_REASON_LABELS, type CommentReportSummary } from '@/lib/comments/reports';
import type { CommentStatus } from '@/db/schema';
import { ActionForm, SubmitButton } from './action-form';
import { SelectAll } from './select-all';

const ROW_ACTIONS: Record<CommentStatus, { value: string; label: string; key?: string }[]> = {
  pending: [
    { value: 'approve', label: 'Approve', key: 'a' },
    { value: 'spam', label: 'Spam', key: 's' },
    { value: 'trash', label: 'Trash', key: 'd' },
  ],
  reported: [
    { value: 'approve', label: 'Restore', key: 'a' },
    { value: 'trash', label: 'Remove', key: 'd' },
    { value: 'spam', label: 'Spam', key: 's' },
  ],
  approved: [
    { value: 'unapprove', label: 'Unapprove', key: 'u' },
    { value: 'spam', label: 'Spam', key: 's' },
    { value: 'trash', label: 'Trash', key: 'd' },
  ],
  spam: [
    { value: 'not-spam', label: 'Not spam' },
    { value: 'approve', label: 'Approve', key: 'a' },
    { value: 'trash', label: 'Trash', key: 'd' },
  ],
  trash: [
    { value: 'restore', label: 'Restore' },
    { value: 'approve', label: 'Approve', key: 'a' },
    { value: 'delete', label: 'Delete forever' },
  ],
};

const BULK_FORM = 'bulk-moderation';

/** The moderation table: every row with its private details, its own actions, and a checkbox for bulk actions. */
export function ModerationTable({
  rows,
  status,
  showStatus = false,
  reports = new Map(),
}: {
  rows: ModerationRow[];
  status?: CommentStatus;
  showStatus?: boolean;
  /** Readers' open reports per comment (reason and note), shown under the comment. */
  reports?: Map<number, CommentReportSummary[]>;
}) {
  const bulkActions = status ? ROW_ACTIONS[status] : ROW_ACTIONS.pending;
  return (
    <>
      <ActionForm action={moderateSelected} id={BULK_FORM} className="bulk-bar" label="Bulk actions" flash>
        <span>With selected:</span>
        {bulkActions.map((a) => (
          <SubmitButton key={a.value} name="action" value={a.value} className="button--quiet">
            {a.label}
          </SubmitButton>
        ))}
      </ActionForm>
      <table className="data-table moderation-table">
        <thead>
          <tr>
            <th scope="col">
              <SelectAll form={BULK_FORM} />
            </th>
            <th scope="col">Commenter</th>
            <th scope="col">Comment</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} data-comment-row tabIndex={-1} aria-label={`Comment ${c.id} by ${c.authorName}`}>
              <td>
                <input type="checkbox" name="ids" value={c.id} form={BULK_FORM} aria-label={`Select comment ${c.id} by ${c.authorName}`} />
              </td>
              <td className="moderation-table__who">
                <strong>{c.authorName}</strong>
                {c.isStaff && <span className="badge">Staff</span>}
                <br />
                <Link href={`/admin/comments/history?email=${encodeURIComponent(c.authorEmail)}`} title="Every comment by this address">
                  {c.authorEmail}
                </Link>
                {c.proven && (
                  <span className="badge" title="Posted from the browser that proved this address">
                    proven
                  </span>
                )}
                {c.proven && c.standing?.trusted && (
                  <span className="badge" title="Comments from the browser that proved it are published at once">
                    trusted
                  </span>
                )}
                {!c.proven && c.standing?.proven && (
                  <span className="badge" title="This address was proven from another browser: this comment may not be its owner's">
                    not from the proven browser
                  </span>
                )}
                {c.standing?.trust === 'always-moderate' && <span className="badge">always moderated</span>}
                {c.publishedByTrust && <span className="badge">published by trust</span>}
                {c.authorUrl && (
                  <>
                    <br />
                    <span className="hint">{c.authorUrl}</span>
                  </>
                )}
                <br />
                <span className="hint">
                  {c.sameIpCount > 0
                    ? `${c.sameIpCount} other ${c.sameIpCount === 1 ? 'comment' : 'comments'} from this IP`
                    : 'No other comments from this IP'}
                </span>
              </td>
              <td>
                <p className="hint">
                  #{c.id} on <Link href={`/articles/${c.articleSlug}`}>{c.articleTitle}</Link> ·{' '}
                  <DateTime iso={c.createdAt.toISOString()} showTime />
                  {showStatus && <> · {c.status}</>}
                  {c.editedAt && <> · edited</>}
                </p>
                {c.heldReasons.length > 0 && <p className="held">Held: {c.heldReasons.join('; ')}</p>}
                {c.reportCount > 0 && (
                  <div className="held">
                    <p>
                      Reported by readers {c.reportCount} {c.reportCount === 1 ? 'time' : 'times'}
                      {c.status === 'reported' && ': taken off the article until you restore or remove it'}
                    </p>
                    <ul>
                      {(reports.get(c.id) ?? []).map((r, i) => (
                        <li key={i}>
                          {REPORT_REASON_LABELS[r.reason]}
                          {r.note && <>: “{r.note}”</>}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {c.parentId !== null && c.parentAuthor !== null && (
                  <blockquote className="moderation-table__parent">
                    In reply to #{c.parentId} by {c.parentAuthor}
                    {c.parentStatus !== 'approved' && <> ({c.parentStatus})</>}: “{c.parentBody}
                    {(c.parentBody?.length ?? 0) >= 280 ? '…' : ''}”
                  </blockquote>
                )}
                <p className="moderation-table__body">{c.body}</p>
                <details>
                  <summary>Edit</summary>
                  <ActionForm action={editComment} label={`Edit comment ${c.id}`}>
                    <input type="hidden" name="id" value={c.id} />
                    <label htmlFor={`edit-${c.id}`} className="visually-hidden">
                      Comment text
                    </label>
                    <textarea id={`edit-${c.id}`} name="body" rows={4} defaultValue={c.body} />
                    <SubmitButton pendingText="Saving…">Save</SubmitButton>
                  </ActionForm>
                </details>
                {c.status !== 'spam' && c.status !== 'trash' && (
                  <details>
                    <summary>{c.status === 'pending' ? 'Approve and reply' : 'Reply as staff'}</summary>
                    <ActionForm action={replyToComment} label={`Reply to comment ${c.id}`}>
                      <input type="hidden" name="parentId" value={c.id} />
                      <label htmlFor={`reply-${c.id}`} className="visually-hidden">
                        Reply
                      </label>
                      <textarea id={`reply-${c.id}`} name="body" rows={3} />
                      {c.status === 'pending' && (
                        <p className="hint">
                          Replying approves this comment too: readers never see an answer to a comment they cannot see.
                        </p>
                      )}
                      <SubmitButton pendingText="Publishing…">
                        {c.status === 'pending' ? 'Approve and publish reply' : 'Publish reply'}
                      </SubmitButton>
                    </ActionForm>
                  </details>
                )}
              </td>
              <td className="moderation-table__actions">
                <ActionForm action={moderateSelected} label={`Moderate comment ${c.id}`} flash>
                  <input type="hidden" name="ids" value={c.id} />
                  {ROW_ACTIONS[c.status].map((a) => (
                    <SubmitButton
                      key={a.value}
                      name="action"
                      value={a.value}
                      className={a.value === 'approve' ? undefined : 'button--quiet'}
                      title={a.key ? `Shortcut: ${a.key}` : undefined}
                    >
                      {a.label}
                    </SubmitButton>
                  ))}
                </ActionForm>
                <ActionForm action={blockEntry} label={`Block the author of comment ${c.id}`}>
                  <input type="hidden" name="commentId" value={c.id} />
                  <SubmitButton name="kind" value="email" className="button--quiet">
                    Block email
                  </SubmitButton>
                  {c.ipHash && (
                    <SubmitButton name="kind" value="ip" className="button--quiet">
                      Block IP
                    </SubmitButton>
                  )}
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
