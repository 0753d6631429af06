'use server';

import { z } from 'zod';
import { STAFF_ROLES } from '@/db/schema';
import { ROLE_WITH_ARTICLE } from '@/lib/auth/roles';
import { staffAction } from '@/lib/auth/staff-action';
import { addStaff, comesBackAtStart, isInAdminEmails, removeStaff } from './manage';

// Managing staff is for admins.

export const addStaffAction = staffAction(
  {
    role: 'admin',
    schema: z.object({
      email: z
        .string()
        .trim()
        .pipe(z.email({ error: 'Enter a valid email address.' }).max(254)),
      role: z.enum(STAFF_ROLES, { error: 'Choose a role.' }),
    }),
    invalid: 'Check the fields below.',
  },
  (input, { staff }) => {
    const added = addStaff({ ...input, actor: staff.email });
    return { status: 'success', message: `${added.email} is now ${ROLE_WITH_ARTICLE[added.role]}.` };
  },
);

export const removeStaffAction = staffAction(
  { role: 'admin', schema: z.object({ email: z.string().trim().toLowerCase() }) },
  ({ email }, { staff }) => {
    if (email === staff.email) return { status: 'error', message: 'You cannot remove yourself.' };
    if (!removeStaff({ email, actor: staff.email })) return { status: 'error', message: 'No staff member has that address.' };
    const removed = `${email} can no longer sign in, and their sessions have ended.`;
    return { status: 'success', message: isInAdminEmails(email) ? `${removed} ${comesBackAtStart(email)}` : removed };
  },
);
