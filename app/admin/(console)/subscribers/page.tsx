import type { Metadata } from 'next';
import { DataTable } from '@/components/admin/data-table';
import Link from 'next/link';
import { PaginationNav } from '@/components/pagination-nav';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { DateTime } from '@/components/date-time';
import { SUBSCRIBER_STATUSES, type SubscriberStatus } from '@/db/schema';
import { parsePageParam } from '@/lib/articles/pagination';
import { requireStaff } from '@/lib/auth/session';
import { countSubscribersByStatus, listSubscribers } from '@/lib/newsletter/admin';
import { deleteSubscriberAction, resendConfirmationAction } from '@/lib/newsletter/admin-actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Subscribers' };

type Props = { searchParams: Promise<{ status?: string; q?: string; page?: string }> };

export default async function SubscribersPage({ searchParams }: Props) {
  const staff = await requireStaff('moderator');
  const isAdmin = staff.role === 'admin';
  const params = await searchParams;
  const status = SUBSCRIBER_STATUSES.includes(params.status as SubscriberStatus) ? (params.status as SubscriberStatus) : undefined;
  const q = (params.q ?? '').trim().slice(0, 254);
  const page = parsePageParam(params.page) ?? 1;
  const counts = countSubscribersByStatus();
  const list = listSubscribers({ status, q, page });
  const query = (extra: Record<string, string>) => new URLSearchParams({ ...(status && { status }), ...(q && { q }), ...extra }).toString();
  return (
    <>
      <h1>Subscribers</h1>
      <nav aria-label="Subscriber status" className="tabs">
        <ul>
          <li>
            <Link href="/admin/subscribers" aria-current={!status ? 'page' : undefined}>
              All <span className="count">({Object.values(counts).reduce((a, b) => a + b, 0)})</span>
            </Link>
          </li>
          {SUBSCRIBER_STATUSES.map((s) => (
            <li key={s}>
              <Link href={`/admin/subscribers?status=${s}`} aria-current={s === status ? 'page' : undefined}>
                {s} <span className="count">({counts[s]})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" className="inline-form" role="search" aria-label="Search subscribers">
        {status && <input type="hidden" name="status" value={status} />}
        <div className="field">
          <label htmlFor="subscriber-q">Search by email</label>
          <input id="subscriber-q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit">Search</button>
        {isAdmin && (
          <a className="button button--quiet" href={`/admin/subscribers/export?${query({})}`} download>
            Export CSV
          </a>
        )}
      </form>
      {!isAdmin && <p className="hint">Only an admin can export the list or delete a subscriber.</p>}
      {isAdmin && (
        <p className="hint">
          <Link href="/admin/privacy">Readers’ data</Link>: find, download or erase everything held for an address, when a reader asks by
          email.
        </p>
      )}
      <p>
        {list.total} {list.total === 1 ? 'subscriber' : 'subscribers'}
        {q && <> matching “{q}”</>}
      </p>
      <DataTable
        rows={list.rows}
        rowKey={(s) => s.id}
        columns={[
          { header: 'Email', cell: (s) => s.email },
          {
            header: 'Status',
            cell: (s) => (
              <>
                {s.status}
                {s.status === 'confirmed' && s.pausedUntil && s.pausedUntil.getTime() > Date.now() && (
                  <>
                    {' '}
                    · paused until <DateTime iso={s.pausedUntil.toISOString()} />
                  </>
                )}
                {!s.allSections && <> · chosen sections only</>}
              </>
            ),
          },
          { header: 'Signed up', cell: (s) => <DateTime iso={s.createdAt.toISOString()} /> },
          { header: 'Source', cell: (s) => s.consentSource },
          {
            header: 'Actions',
            hideHeader: true,
            cell: (s) => (
              <div className="row-actions">
                {s.status === 'pending' && (
                  <ActionForm action={resendConfirmationAction} label={`Resend confirmation to ${s.email}`}>
                    <input type="hidden" name="id" value={s.id} />
                    <SubmitButton className="button--quiet">Resend confirmation</SubmitButton>
                  </ActionForm>
                )}
                {isAdmin && (
                  <Link className="button button--quiet" href={`/admin/privacy?email=${encodeURIComponent(s.email)}`}>
                    All data<span className="visually-hidden">{` held for ${s.email}`}</span>
                  </Link>
                )}
                {isAdmin && (
                  <ActionForm action={deleteSubscriberAction} label={`Delete ${s.email}`} flash>
                    <input type="hidden" name="id" value={s.id} />
                    <SubmitButton className="button--quiet">Delete</SubmitButton>
                  </ActionForm>
                )}
              </div>
            ),
          },
        ]}
      />
      <PaginationNav
        base="/admin"
        page={page}
        pageCount={list.pageCount}
        href={(n) => `/admin/subscribers?${query({ page: String(n) })}`}
      />
    </>
  );
}
