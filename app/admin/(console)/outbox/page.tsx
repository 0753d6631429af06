import type { Metadata } from 'next';
import { DataTable } from '@/components/admin/data-table';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { DateTime } from '@/components/date-time';
import { requireStaff } from '@/lib/auth/session';
import { listOutbox } from '@/lib/mail/admin';
import { retryEmailAction } from '@/lib/mail/admin-actions';
import { getOutboxCounts } from '@/lib/mail/queries';
import { parseIdParam } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Outbox' };

type Props = { searchParams: Promise<{ recipient?: string; id?: string }> };

export default async function OutboxPage({ searchParams }: Props) {
  await requireStaff('moderator');
  const params = await searchParams;
  const recipient = (params.recipient ?? '').trim().slice(0, 254);
  const id = parseIdParam(params.id) ?? undefined;
  const rows = listOutbox({ recipient, id });
  const counts = getOutboxCounts();
  const searching = Boolean(recipient) || id !== undefined;
  return (
    <>
      <h1>Outbox</h1>
      <p>
        {counts.queued ?? 0} queued · {counts.sending ?? 0} sending · {counts.failed ?? 0} failed · {counts.sent ?? 0} sent
      </p>
      <form method="get" className="inline-form" role="search" aria-label="Find emails by recipient">
        <div className="field">
          <label htmlFor="outbox-recipient">Recipient</label>
          <input id="outbox-recipient" name="recipient" type="search" defaultValue={recipient} placeholder="name@example.org" />
        </div>
        <button type="submit">Find emails</button>
      </form>
      <p className="hint">
        {searching
          ? `${rows.length === 1 ? '1 email' : `${rows.length} emails`} ${id !== undefined ? `with id ${id}` : `to addresses containing “${recipient}”`}, newest first, whatever their status.`
          : 'Showing what is waiting or has failed. Search by recipient to see every email to an address, sent or not, with its history.'}
      </p>
      <DataTable
        rows={rows}
        rowKey={(r) => r.id}
        empty={<p>{searching ? 'No email matches.' : 'Nothing is waiting and nothing has failed.'}</p>}
        columns={[
          {
            header: 'Email',
            cell: (r) => (
              <>
                <strong>{r.subject}</strong>
                <br />
                <span className="hint">
                  #{r.id} · {r.kind} to {r.recipient}
                </span>
              </>
            ),
          },
          {
            header: 'Status',
            cell: (r) => (
              <>
                <span className={`status status--${r.status}`}>{r.status}</span>
                {r.status === 'queued' && (
                  <span className="hint">
                    <br />
                    next try <DateTime iso={r.nextAttemptAt.toISOString()} showTime />
                  </span>
                )}
                {r.attempts > 0 && <span className="hint"> · {r.attempts === 1 ? '1 attempt' : `${r.attempts} attempts`}</span>}
                {r.lastError && r.status !== 'sent' && (
                  <span className="hint">
                    <br />
                    Last error: {r.lastError}
                  </span>
                )}
              </>
            ),
          },
          {
            header: 'History',
            cell: (r) => (
              <details open={searching}>
                <summary>{r.history.length === 1 ? '1 step' : `${r.history.length} steps`}</summary>
                <ol className="email-history">
                  {r.history.map((step, i) => (
                    <li key={i}>
                      <DateTime iso={step.at.toISOString()} showTime /> <strong>{step.what}</strong>
                      {step.detail && <span className="hint"> {step.detail}</span>}
                    </li>
                  ))}
                </ol>
              </details>
            ),
          },
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
