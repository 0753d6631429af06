'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { STAFF_ROLES } from '@/db/schema';
import { requireAdmin } from '@/lib/auth/session';
import type { ActionState } from '@/lib/forms/action-state';
import { addStaff, comesBackAtStart, isInAdminEmails, removeStaff } from './manage';

export type StaffActionState = ActionState<{ email: string; role: string }>;

const addSchema = z.object({
  email: z.email({ error: 'Enter a valid email address.' }).max(254),
  role: z.enum(STAFF_ROLES, { error: 'Choose a role.' }),
});

export async function addStaffAction(_previous: StaffActionState, formData: FormData): Promise<StaffActionState> {
  const admin = await requireAdmin();
  const values = { email: String(formData.get('email') ?? '').trim(), role: String(formData.get('role') ?? '') };
  const parsed = addSchema.safeParse(values);
  if (!parsed.success) {
    return { status: 'error', message: 'Check the fields below.', fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  const added = addStaff({ ...parsed.data, actor: admin.email });
  revalidatePath('/admin', 'layout');
  return { status: 'success', message: `${added.email} is now ${added.role === 'admin' ? 'an admin' : 'a moderator'}.` };
}

export async function removeStaffAction(_previous: StaffActionState, formData: FormData): Promise<StaffActionState> {
  const admin = await requireAdmin();
  const email = String(formData.get('email') ?? '').trim().toLowerCase();
  if (email === admin.email) return { status: 'error', message: 'You cannot remove yourself.' };
  if (!removeStaff({ email, actor: admin.email })) return { status: 'error', message: 'No staff member has that address.' };
  revalidatePath('/admin', 'layout');
  const removed = `${email} can no longer sign in, and their sessions have ended.`;
  return { status: 'success', message: isInAdminEmails(email) ? `${removed} ${comesBackAtStart(email)}` : removed };
}
