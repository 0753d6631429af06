'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { staffAction } from '@/lib/auth/staff-action';
import type { ActionState } from '@/lib/forms/action-state';
import { kickMailDelivery } from '@/lib/mail';
import { deleteSubscriber, resendConfirmation } from './admin';
import { listNewsletterSections, saveIssueDraft, sendTestIssue, startSendingIssue } from './issues';

// Subscribers and newsletter issues. Any staff member drafts issues, sends tests and resends a
// confirmation; deleting a subscriber and sending an issue to every subscriber need an admin.

const id = z.coerce.number().int().positive();

export const deleteSubscriberAction = staffAction(
  { role: 'admin', schema: z.object({ id }), invalid: 'That subscriber no longer exists.' },
  ({ id }, { staff }) =>
    deleteSubscriber(id, staff.email)
      ? { status: 'success', message: 'Subscriber deleted, with their tokens and any queued email.' }
      : { status: 'error', message: 'That subscriber no longer exists.' },
);

export const resendConfirmationAction = staffAction(
  { role: 'moderator', schema: z.object({ id }), invalid: 'That subscriber no longer exists.' },
  async ({ id }, { staff }) => {
    const result = await resendConfirmation(id, staff.email);
    if (!result.ok) return { status: 'error', message: result.message };
    kickMailDelivery();
    return { status: 'success', message: 'A new confirmation link is on its way.' };
  },
);

export type IssueFormState = ActionState<{ subject: string; intro: string; sectionId: string }>;

/** The issue a form is about: its `id` field; none (or empty) for a new issue. */
const issueId = z
  .union([z.literal(''), id])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

const draftSchema = z.object({
  id: issueId,
  subject: z
    .string()
    .trim()
    .min(3, { error: 'Write a subject of at least 3 characters.' })
    .max(150, { error: 'Keep the subject under 150 characters.' })
    .regex(/^[^\r\n]*$/, { error: 'The subject must be one line.' }),
  intro: z.string().trim().max(10_000, { error: 'Keep the introduction under 10,000 characters.' }).default(''),
  articles: z.array(z.coerce.number().int().positive()).min(1, { error: 'Choose at least one article.' }),
  /** Who it goes to: '' for everyone, else the subscribers of that section. */
  sectionId: z
    .union([z.literal(''), id])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v)),
});

/** The article picker's order: each checked article's position field, lowest first. */
function inPickedOrder(ids: number[], formData: FormData): number[] {
  const position = (articleId: number) => {
    const n = Number(formData.get(`position-${articleId}`));
    return Number.isFinite(n) ? n : 1000;
  };
  return [...new Set(ids)].sort((a, b) => position(a) - position(b));
}

export const saveIssueAction = staffAction<typeof draftSchema, { subject: string; intro: string; sectionId: string }>(
  { role: 'staff', schema: draftSchema, arrays: ['articles'] },
  ({ id, subject, intro, articles, sectionId }, { staff, formData }) => {
    const values = { subject, intro, sectionId: sectionId === null ? '' : String(sectionId) };
    if (sectionId !== null && !listNewsletterSections().some((s) => s.id === sectionId)) {
      const message = 'That section no longer exists. Choose who the issue is for again.';
      return { status: 'error', message, fieldErrors: { sectionId: [message] }, values };
    }
    const saved = saveIssueDraft({
      id: id ?? undefined,
      subject,
      intro,
      articleIds: inPickedOrder(articles, formData),
      sectionId,
      actor: staff.email,
    });
    if (saved === null) return { status: 'error', message: 'This issue has already been sent and can no longer be changed.', values };
    if (id === null) redirect(`/admin/newsletters/${saved}`);
    return { status: 'success', message: 'Draft saved.', values };
  },
);

export const sendTestIssueAction = staffAction(
  { role: 'staff', schema: z.object({ id }), invalid: 'That issue no longer exists.' },
  async ({ id }, { staff }) =>
    (await sendTestIssue({ id, to: staff.email }))
      ? { status: 'success', message: `A test copy is on its way to ${staff.email}.` }
      : { status: 'error', message: 'That issue no longer exists.' },
);

/** Sends the issue to its audience, as it was when the admin previewed it (`version`, audience included). */
export const sendIssueAction = staffAction(
  { role: 'admin', schema: z.object({ id, version: z.string().default('') }), invalid: 'That issue no longer exists.' },
  async ({ id, version }, { staff }) => {
    const started = await startSendingIssue({ id, actor: staff.email, version });
    if (started === 'changed') {
      return {
        status: 'error',
        message: 'This issue was changed after you previewed it, so it was not sent. Check the preview again, then send.',
      };
    }
    if (started !== 'started') return { status: 'error', message: 'This issue is already being sent, or has been sent.' };
    // The issue page renders again with the progress bar in place of the Send button.
    return { status: 'success', message: 'Sending has started.' };
  },
);
