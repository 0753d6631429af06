import type { Metadata } from 'next';
import { DataTable } from '@/components/admin/data-table';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { DateTime } from '@/components/date-time';
import { requireStaff } from '@/lib/auth/session';
import { listOutbox } from '@/lib/mail/admin';
import { retryEmailAction } from '@/lib/mail/admin-actions';
import { getOutboxCounts } from '@/lib/mail/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Outbox' };

export default async function OutboxPage() {
  await requireStaff('moderator');
  const rows = listOutbox();
  const counts = getOutboxCounts();
  return (
    <>
      <h1>Outbox</h1>
      <p>
        {counts.queued ?? 0} queued · {counts.sending ?? 0} sending · {counts.failed ?? 0} failed · {counts.sent ?? 0} sent
      </p>
      <DataTable
        rows={rows}
        rowKey={(r) => r.id}
        empty={<p>Nothing is waiting and nothing has failed.</p>}
        columns={[
          {
            header: 'Email',
            cell: (r) => (
              <>
                <strong>{r.subject}</strong>
                <br />
                <span className="hint">
                  {r.kind} to {r.recipient} · <DateTime iso={r.createdAt.toISOString()} showTime />
                </span>
              </>
            ),
          },
          {
            header: 'Status',
            cell: (r) => (
              <>
                {r.status}
                {r.status === 'queued' && (
                  <span className="hint">
                    <br />
                    next try <DateTime iso={r.nextAttemptAt.toISOString()} showTime />
                  </span>
                )}
              </>
            ),
          },
          { header: 'Attempts', cell: (r) => r.attempts },
          { header: 'Last error', cell: (r) => r.lastError },
          {
            header: 'Actions',
            hideHeader: true,
            cell: (r) =>
              r.status === 'failed' && (
                <ActionForm action={retryEmailAction} label={`Retry email ${r.id}`} flash>
                  <input type="hidden" name="id" value={r.id} />
                  <SubmitButton className="button--quiet">Retry</SubmitButton>
                </ActionForm>
              ),
          },
        ]}
      />
    </>
  );
}
