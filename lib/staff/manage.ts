import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { sessions, users, type StaffRole } from '@/db/schema';
import { env } from '@/lib/env';
import { logStaffAction } from '@/lib/staff/log';
import { normaliseEmail } from '@/lib/newsletter/email';

// Adding and removing staff. Used by `npm run staff`, by ADMIN_EMAILS at start, and by the
// dashboard's staff page (which checks requireAdmin first).

/** Gives an address a staff role. With `actor` (the dashboard, the CLI) the change is logged. */
export function addStaff({ email, role, actor }: { email: string; role: StaffRole; actor?: string }): { email: string; role: StaffRole } {
  const normalised = normaliseEmail(email);
  if (!normalised.ok) throw new Error(`Not a valid email address: ${email}`);
  const address = normalised.email.toLowerCase();
  getDb().transaction(
    (tx) => {
      tx.insert(users).values({ email: address, role }).onConflictDoUpdate({ target: users.email, set: { role } }).run();
      if (actor) logStaffAction(tx, { actor, action: 'staff-add', detail: `${address} as ${role}` });
    },
    { behavior: 'immediate' },
  );
  return { email: address, role };
}

/** Takes the role away and ends every session the person has; logged with `actor`. */
export function removeStaff({ email, actor }: { email: string; actor?: string }): boolean {
  const address = email.trim().toLowerCase();
  return getDb().transaction(
    (tx) => {
      const user = tx.select({ id: users.id }).from(users).where(eq(users.email, address)).get();
      if (!user) return false;
      tx.update(users).set({ role: null }).where(eq(users.id, user.id)).run();
      tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
      if (actor) logStaffAction(tx, { actor, action: 'staff-remove', detail: address });
      return true;
    },
    { behavior: 'immediate' },
  );
}

/** How a new site gets its first staff member, said where someone setting it up will look. */
export const FIRST_STAFF_HINT =
  'Add the first admin on the server with `npm run staff -- add you@example.org --role admin` (or list the address in ADMIN_EMAILS), then sign in at /admin.';

/** Whether ADMIN_EMAILS names the address: removing it from staff then lasts only until the next start. */
export const isInAdminEmails = (email: string) => env.ADMIN_EMAILS.includes(email.trim().toLowerCase());

/** Said wherever such an address is removed, so the removal is not silently undone at the next start. */
export const comesBackAtStart = (email: string) =>
  `${email} is listed in ADMIN_EMAILS, so they will be an admin again at the next start: remove the address from ADMIN_EMAILS too.`;

/** ADMIN_EMAILS become admins at every start. */
export function ensureAdmins(emails: string[]): void {
  for (const email of emails) addStaff({ email, role: 'admin' });
}
