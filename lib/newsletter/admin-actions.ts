'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireStaff } from '@/lib/auth/session';
import type { ActionState } from '@/lib/forms/action-state';
import { kickMailDelivery } from '@/lib/mail';
import { requestFingerprint } from '@/lib/security/client';
import { deleteSubscriber, resendConfirmation } from './admin';

export type SubscriberActionState = ActionState<Record<string, string>>;
const idSchema = z.coerce.number().int().positive();

export async function deleteSubscriberAction(_previous: SubscriberActionState, formData: FormData): Promise<SubscriberActionState> {
  const staff = await requireStaff();
  const id = idSchema.safeParse(formData.get('id'));
  if (!id.success || !deleteSubscriber(id.data, staff.email)) return { status: 'error', message: 'That subscriber no longer exists.' };
  revalidatePath('/admin', 'layout');
  return { status: 'success', message: 'Subscriber deleted, with their tokens and any queued email.' };
}

export async function resendConfirmationAction(_previous: SubscriberActionState, formData: FormData): Promise<SubscriberActionState> {
  const staff = await requireStaff();
  const id = idSchema.safeParse(formData.get('id'));
  if (!id.success) return { status: 'error', message: 'That subscriber no longer exists.' };
  const result = await resendConfirmation(id.data, (await requestFingerprint()).ipHash, staff.email);
  if (!result.ok) return { status: 'error', message: result.message };
  kickMailDelivery();
  revalidatePath('/admin', 'layout');
  return { status: 'success', message: 'A new confirmation link is on its way.' };
}
