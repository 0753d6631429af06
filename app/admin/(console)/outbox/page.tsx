import type { Metadata } from 'next';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { DateTime } from '@/components/date-time';
import { requireStaff } from '@/lib/auth/session';
import { listOutbox } from '@/lib/mail/admin';
import { retryEmailAction } from '@/lib/mail/admin-actions';
import { getOutboxCounts } from '@/lib/mail/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Outbox' };

export default async function OutboxPage() {
  await requireStaff();
  const rows = listOutbox();
  const counts = getOutboxCounts();
  return (
    <>
      <h1>Outbox</h1>
      <p>
        {counts.queued ?? 0} queued · {counts.sending ?? 0} sending · {counts.failed ?? 0} failed · {counts.sent ?? 0} sent
      </p>
      {rows.length === 0 ? (
        <p>Nothing is waiting and nothing has failed.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last error</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <strong>{r.subject}</strong>
                  <br />
                  <span className="hint">
                    {r.kind} to {r.recipient} · <DateTime iso={r.createdAt.toISOString()} showTime />
                  </span>
                </td>
                <td>
                  {r.status}
                  {r.status === 'queued' && (
                    <span className="hint">
                      <br />
                      next try <DateTime iso={r.nextAttemptAt.toISOString()} showTime />
                    </span>
                  )}
                </td>
                <td>{r.attempts}</td>
                <td>{r.lastError}</td>
                <td>
                  {r.status === 'failed' && (
                    <ActionForm action={retryEmailAction} label={`Retry email ${r.id}`} flash>
                      <input type="hidden" name="id" value={r.id} />
                      <SubmitButton className="button--quiet">Retry</SubmitButton>
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
