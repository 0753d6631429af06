import 'server-only';
import { redirect } from 'next/navigation';
import { getStaffById, type StaffMember } from '@/lib/staff/queries';
import { auth } from './auth';
import { canAccess, type Access } from './roles';

/** The signed-in staff member, or null. Reads the role from the database on every call. */
export async function currentStaff(): Promise<StaffMember | null> {
  const session = await auth();
  const id = session?.user?.id;
  return id ? getStaffById(id) : null;
}

/**
 * Every admin page, action and route handler calls this itself; the proxy only redirects early.
 * Without a staff session it redirects to sign-in (for an action, that refuses the call); a staff
 * member whose role does not give `access` gets the 403 page.
 */
export async function requireStaff(access: Access = 'staff'): Promise<StaffMember> {
  const staff = await currentStaff();
  if (!staff) redirect('/admin/sign-in');
  if (!canAccess(staff.role, access)) redirect('/admin/forbidden');
  return staff;
}

export class ForbiddenError extends Error {
  constructor() {
    super('This needs an administrator.');
    this.name = 'ForbiddenError';
  }
}

/** Like requireStaff, and the member must be an admin; anyone else gets a 403 page. */
export async function requireAdmin(): Promise<StaffMember> {
  return requireStaff('admin');
}

/** For route handlers: a Response to return when the caller is not staff, else the member. */
export async function staffOrResponse(access: Access = 'staff'): Promise<StaffMember | Response> {
  const staff = await currentStaff();
  if (!staff) return new Response('Sign in first.', { status: 401 });
  if (!canAccess(staff.role, access)) return new Response(`This needs the ${access} role.`, { status: 403 });
  return staff;
}
