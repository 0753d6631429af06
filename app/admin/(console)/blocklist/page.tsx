import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/admin/data-table';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { requireStaff } from '@/lib/auth/session';
import { listBlocklist } from '@/lib/comments/moderation';
import { blockEntry, unblockEntry } from '@/lib/comments/admin-actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Blocklist' };

export default async function BlocklistPage() {
  await requireStaff('moderator');
  const entries = listBlocklist();
  return (
    <>
      <p>
        <Link href="/admin/comments">← Comments</Link>
      </p>
      <h1>Blocklist</h1>
      <p className="hint">
        A blocked email or IP sends its new comments straight to spam. A blocked word holds a comment for review and says why.
      </p>
      <ActionForm action={blockEntry} className="inline-form" label="Add to the blocklist">
        <div className="field">
          <label htmlFor="block-kind">Block</label>
          <select id="block-kind" name="kind" defaultValue="word">
            <option value="word">a word</option>
            <option value="email">an email address</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="block-value">Value</label>
          <input id="block-value" name="value" type="text" maxLength={254} />
        </div>
        <SubmitButton>Add</SubmitButton>
      </ActionForm>
      <DataTable
        rows={entries}
        rowKey={(e) => e.id}
        empty={
          <p className="hint">
            The blocklist is empty. Add an email, or a word that holds every comment containing it, with the form above; or use Block on a
            comment in the console to block its author&apos;s address or IP.
          </p>
        }
        columns={[
          { header: 'Kind', cell: (e) => e.kind },
          {
            header: 'Value',
            cell: (e) =>
              e.kind === 'ip'
                ? `IP hash ${e.value.slice(0, 10)}…`
                : e.value.startsWith('erased:')
                  ? 'An address erased at its owner’s request (kept as a hash)'
                  : e.value,
          },
          { header: 'Added by', cell: (e) => e.createdBy },
          {
            header: 'Actions',
            hideHeader: true,
            cell: (e) => (
              <ActionForm action={unblockEntry} label={`Unblock ${e.kind} ${e.id}`} flash>
                <input type="hidden" name="id" value={e.id} />
                <SubmitButton className="button--quiet">Remove</SubmitButton>
              </ActionForm>
            ),
          },
        ]}
      />
    </>
  );
}
