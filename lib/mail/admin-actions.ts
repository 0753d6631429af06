'use server';

import { z } from 'zod';
import { staffAction } from '@/lib/auth/staff-action';
import { retryFailedEmail } from './admin';
import { kickMailDelivery } from './deliver';

export const retryEmailAction = staffAction(
  { role: 'moderator', schema: z.object({ id: z.coerce.number().int().positive() }), invalid: 'That email no longer exists.' },
  ({ id }, { staff }) => {
    if (!retryFailedEmail(id, staff.email)) return { status: 'error', message: 'That email is no longer waiting for a retry.' };
    kickMailDelivery();
    return { status: 'success', message: 'Queued to be sent again.' };
  },
);
