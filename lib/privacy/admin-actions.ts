'use server';

import { z } from 'zod';
import { staffAction } from '@/lib/auth/staff-action';
import { kickMailDelivery } from '@/lib/mail';
import { normaliseEmail } from '@/lib/newsletter/email';
import { describeErased, eraseAddress } from './erase';

// Readers' data, from the dashboard: admins only (it reaches every table that can hold an address).

const address = z
  .string()
  .trim()
  .refine((v) => normaliseEmail(v).ok || /^[^\s@]+@[^\s@]+$/.test(v), { error: 'Enter the full email address, like name@example.com.' });

export const eraseAddressAction = staffAction(
  {
    role: 'admin',
    schema: z.object({
      email: address,
      confirm: z.literal('yes', { error: 'Tick the box to confirm that the owner of this address asked for erasure.' }),
    }),
  },
  async ({ email }, { staff }) => {
    const erased = await eraseAddress(email, { actor: staff.email });
    kickMailDelivery();
    return erased.anything
      ? { status: 'success', message: `Erased ${describeErased(erased)}. The owner is emailed a confirmation.` }
      : { status: 'success', message: 'Nothing was held for that address; nothing was sent.' };
  },
);
