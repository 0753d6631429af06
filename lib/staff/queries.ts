import 'server-only';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { users, type StaffRole } from '@/db/schema';
import { canAccess, type Access } from '@/lib/auth/roles';

export interface StaffMember {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
}

/** Everyone with a staff role. */
export function listStaff(): StaffMember[] {
  return getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(isNotNull(users.role))
    .orderBy(asc(users.email))
    .all()
    .flatMap((u) => (u.role ? [{ ...u, role: u.role }] : []));
}

/** The addresses of everyone whose role gives `access`: the moderators' digest goes to those who moderate. */
export function listStaffEmails(access: Access = 'staff'): string[] {
  return listStaff()
    .filter((s) => canAccess(s.role, access))
    .map((s) => s.email);
}

export function getStaffByEmail(email: string): StaffMember | null {
  const row = getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), isNotNull(users.role)))
    .get();
  return row?.role ? { ...row, role: row.role } : null;
}

export function getStaffById(id: string): StaffMember | null {
  const row = getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, id), isNotNull(users.role)))
    .get();
  return row?.role ? { ...row, role: row.role } : null;
}

/** Whether anyone at all can sign in (a new site has no one until the first admin is added). */
export function hasStaff(): boolean {
  return Boolean(getDb().select({ id: users.id }).from(users).where(isNotNull(users.role)).limit(1).get());
}
