import type { Metadata } from 'next';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { requireStaff } from '@/lib/auth/session';
import { listBlocklist } from '@/lib/comments/moderation';
import { blockEntry, unblockEntry } from '@/lib/comments/admin-actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Blocklist' };

export default async function BlocklistPage() {
  await requireStaff();
  const entries = listBlocklist();
  return (
    <>
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
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Value</th>
            <th scope="col">Added by</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.kind}</td>
              <td>{e.kind === 'ip' ? `IP hash ${e.value.slice(0, 10)}…` : e.value}</td>
              <td>{e.createdBy}</td>
              <td>
                <ActionForm action={unblockEntry} label={`Unblock ${e.kind} ${e.id}`} flash>
                  <input type="hidden" name="id" value={e.id} />
                  <SubmitButton className="button--quiet">Remove</SubmitButton>
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
