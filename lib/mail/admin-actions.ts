'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireStaff } from '@/lib/auth/session';
import { retryFailedEmail } from './admin';
import { kickMailDelivery } from './deliver';

export async function retryEmailAction(formData: FormData): Promise<void> {
  const staff = await requireStaff();
  const id = z.coerce.number().int().positive().safeParse(formData.get('id'));
  if (id.success && retryFailedEmail(id.data, staff.email)) kickMailDelivery();
  revalidatePath('/admin', 'layout');
}
