import type { Metadata } from 'next';
import { DataTable } from '@/components/admin/data-table';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { ROLE_LABELS, STAFF_ROLE_CHOICES } from '@/lib/auth/roles';
import { requireAdmin } from '@/lib/auth/session';
import { addStaffAction, removeStaffAction } from '@/lib/staff/actions';
import { isInAdminEmails } from '@/lib/staff/manage';
import { listStaff } from '@/lib/staff/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Staff' };

export default async function StaffPage() {
  const me = await requireAdmin();
  const staff = listStaff();
  return (
    <>
      <h1>Staff</h1>
      <p className="hint">
        Admins manage staff; moderators moderate comments and subscribers. Everyone signs in with a link sent by email.
      </p>
      <ActionForm action={addStaffAction} className="inline-form" label="Add a staff member">
        <div className="field">
          <label htmlFor="staff-email">Email</label>
          <input id="staff-email" name="email" type="email" required />
        </div>
        <div className="field">
          <label htmlFor="staff-role">Role</label>
          <select id="staff-role" name="role" defaultValue="moderator">
            {STAFF_ROLE_CHOICES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton>Add</SubmitButton>
      </ActionForm>
      <DataTable
        rows={staff}
        rowKey={(s) => s.id}
        columns={[
          { header: 'Email', cell: (s) => s.email },
          {
            header: 'Role',
            cell: (s) =>
              s.email === me.email ? (
                <>
                  {s.role} <span className="hint">(you)</span>
                </>
              ) : (
                // Adding an address that is already staff gives it the role chosen: the same action.
                <ActionForm action={addStaffAction} className="inline-form" label={`Role of ${s.email}`} flash>
                  <input type="hidden" name="email" value={s.email} />
                  <label className="visually-hidden" htmlFor={`role-${s.id}`}>
                    Role of {s.email}
                  </label>
                  <select id={`role-${s.id}`} name="role" defaultValue={s.role}>
                    {STAFF_ROLE_CHOICES.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                  <SubmitButton className="button--quiet">Change role</SubmitButton>
                  {isInAdminEmails(s.email) && <span className="hint"> (ADMIN_EMAILS: an admin again at every start)</span>}
                </ActionForm>
              ),
          },
          {
            header: 'Actions',
            hideHeader: true,
            cell: (s) =>
              s.email !== me.email && (
                <ActionForm action={removeStaffAction} label={`Remove ${s.email}`} flash>
                  <input type="hidden" name="email" value={s.email} />
                  <SubmitButton className="button--quiet">Remove</SubmitButton>
                </ActionForm>
              ),
          },
        ]}
      />
    </>
  );
}
