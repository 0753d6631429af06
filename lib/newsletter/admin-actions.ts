'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { redirect } from 'next/navigation';
import { requireAdmin, requireStaff } from '@/lib/auth/session';
import type { ActionState } from '@/lib/forms/action-state';
import { kickMailDelivery } from '@/lib/mail';
import { deleteSubscriber, resendConfirmation } from './admin';
import { saveIssueDraft, sendTestIssue, startSendingIssue } from './issues';

export type SubscriberActionState = ActionState<Record<string, string>>;
const idSchema = z.coerce.number().int().positive();

// Deleting a subscriber, like exporting the list, is for admins: moderators look after comments.
export async function deleteSubscriberAction(_previous: SubscriberActionState, formData: FormData): Promise<SubscriberActionState> {
  const staff = await requireAdmin();
  const id = idSchema.safeParse(formData.get('id'));
  if (!id.success || !deleteSubscriber(id.data, staff.email)) return { status: 'error', message: 'That subscriber no longer exists.' };
  revalidatePath('/admin', 'layout');
  return { status: 'success', message: 'Subscriber deleted, with their tokens and any queued email.' };
}

export async function resendConfirmationAction(_previous: SubscriberActionState, formData: FormData): Promise<SubscriberActionState> {
  const staff = await requireStaff();
  const id = idSchema.safeParse(formData.get('id'));
  if (!id.success) return { status: 'error', message: 'That subscriber no longer exists.' };
  const result = await resendConfirmation(id.data, staff.email);
  if (!result.ok) return { status: 'error', message: result.message };
  kickMailDelivery();
  revalidatePath('/admin', 'layout');
  return { status: 'success', message: 'A new confirmation link is on its way.' };
}

// Newsletter issue actions. Drafting and test sends need staff; sending to every subscriber needs an admin.

export type IssueFormState = ActionState<{ subject: string; intro: string }>;

const draftSchema = z.object({
  subject: z
    .string()
    .trim()
    .min(3, { error: 'Write a subject of at least 3 characters.' })
    .max(150, { error: 'Keep the subject under 150 characters.' })
    .regex(/^[^\r\n]*$/, { error: 'The subject must be one line.' }),
  intro: z.string().trim().max(10_000, { error: 'Keep the introduction under 10,000 characters.' }),
});

/** Reads the article picker: checked articles, ordered by their position fields. */
function pickedArticles(formData: FormData): number[] {
  const picked = formData
    .getAll('articles')
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
  const position = (id: number) => {
    const n = Number(formData.get(`position-${id}`));
    return Number.isFinite(n) ? n : 1000;
  };
  return [...new Set(picked)].sort((a, b) => position(a) - position(b));
}

/** The issue a form is about: its `id` field; none (or empty) for a new issue. */
function issueIdOf(formData: FormData): number | null {
  const id = z.coerce.number().int().positive().safeParse(formData.get('id'));
  return id.success ? id.data : null;
}

export async function saveIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  const staff = await requireStaff();
  const issueId = issueIdOf(formData);
  const values = { subject: String(formData.get('subject') ?? ''), intro: String(formData.get('intro') ?? '') };
  const parsed = draftSchema.safeParse(values);
  if (!parsed.success)
    return { status: 'error', message: 'Check the fields below.', fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const articleIds = pickedArticles(formData);
  if (articleIds.length === 0) return { status: 'error', message: 'Choose at least one article.', values };
  const id = saveIssueDraft({ id: issueId ?? undefined, ...parsed.data, articleIds, actor: staff.email });
  if (id === null) return { status: 'error', message: 'This issue has already been sent and can no longer be changed.', values };
  revalidatePath('/admin/newsletters', 'layout');
  if (issueId === null) redirect(`/admin/newsletters/${id}`);
  return { status: 'success', message: 'Draft saved.', values };
}

export async function sendTestIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  const staff = await requireStaff();
  const issueId = issueIdOf(formData);
  const ok = issueId !== null && (await sendTestIssue({ id: issueId, to: staff.email }));
  return ok
    ? { status: 'success', message: `A test copy is on its way to ${staff.email}.` }
    : { status: 'error', message: 'That issue no longer exists.' };
}

export async function sendIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  const staff = await requireAdmin();
  const issueId = issueIdOf(formData);
  const version = String(formData.get('version') ?? '');
  const started = issueId === null ? 'not-draft' : await startSendingIssue({ id: issueId, actor: staff.email, version });
  if (started === 'changed') {
    revalidatePath('/admin/newsletters', 'layout');
    return { status: 'error', message: 'This issue was changed after you previewed it, so it was not sent. Check the preview again, then send.' };
  }
  if (started !== 'started') return { status: 'error', message: 'This issue is already being sent, or has been sent.' };
  // The issue page re-renders with the progress bar in place of the Send button.
  revalidatePath('/admin/newsletters', 'layout');
  return { status: 'success', message: 'Sending has started.' };
}
