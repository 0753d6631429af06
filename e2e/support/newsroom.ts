import { expect, type Locator, type Page } from '@playwright/test';
import type { TestPicture } from './pictures';

// The article editor as an editor uses it (components/admin/article-editor.tsx): its fields by
// their labels, its buttons by their names, and the sentence it answers each button with.

/** Text to find as it is inside a RegExp (a field's description also holds its hint). */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The editor's form. */
export const articleForm = (page: Page) => page.getByRole('form', { name: 'Article' });

/** The form's live region: "Draft saved.", "Published. Readers can see it now.", a conflict… */
export const editorMessage = (page: Page) => page.locator('.article-editor > .action-form__status');

/** "Published · version 2 · all changes saved". */
export const editorState = (page: Page) => page.locator('.article-editor__state');

/** The editor's fields. The media dialog has an "Alt text" and a "Credit" of its own, hidden while it is closed. */
export function editorFields(page: Page) {
  const form = articleForm(page);
  const image = form.getByRole('group', { name: 'Image' });
  return {
    title: form.getByRole('textbox', { name: 'Title' }),
    summary: form.getByRole('textbox', { name: 'Summary' }),
    slug: form.getByRole('textbox', { name: 'Slug' }),
    section: form.getByRole('combobox', { name: 'Section' }),
    // An <input list> is a combobox.
    tags: form.getByRole('combobox', { name: 'Tags' }),
    authors: form.getByRole('group', { name: 'Authors' }),
    // Exact: the region "Preview of the body" would match too.
    body: form.getByRole('textbox', { name: 'Body', exact: true }),
    image,
    imageAlt: image.getByRole('textbox', { name: 'Alt text' }),
    imageCaption: image.getByRole('textbox', { name: 'Caption' }),
    imageCredit: image.getByRole('textbox', { name: 'Credit' }),
    commentsOpen: form.getByRole('checkbox', { name: 'Comments open' }),
    correction: form.getByRole('textbox', { name: 'Correction' }),
    scheduleAt: form.getByLabel('Publish at (Europe/London)'),
    button: (name: string) => form.getByRole('button', { name, exact: true }),
  };
}

export interface ArticleDraft {
  title: string;
  summary?: string;
  body: string;
  sectionName: string;
  authorNames: string[];
  tags?: string;
}

/** Types a draft into an open editor, as a person does: the slug follows the title. */
export async function fillArticle(page: Page, draft: ArticleDraft): Promise<void> {
  const f = editorFields(page);
  await f.title.fill(draft.title);
  if (draft.summary !== undefined) await f.summary.fill(draft.summary);
  await f.section.selectOption({ label: draft.sectionName });
  if (draft.tags !== undefined) await f.tags.fill(draft.tags);
  // Bylines follow the order of ticking.
  for (const name of draft.authorNames) await f.authors.getByRole('checkbox', { name }).check();
  await f.body.fill(draft.body);
}

/** Uploads a picture in the editor's media dialog and chooses it as the article's picture. */
export async function uploadAndChoose(page: Page, picture: TestPicture, { alt, credit = '' }: { alt: string; credit?: string }) {
  const f = editorFields(page);
  await f.image.getByRole('button', { name: 'Choose picture' }).click();
  const dialog = page.getByRole('dialog', { name: 'Media library' });
  await expect(dialog).toBeVisible();
  // Exact: the region "Upload a picture" would match too.
  await dialog.getByLabel('Picture', { exact: true }).setInputFiles(picture);
  await dialog.getByRole('textbox', { name: 'Alt text' }).fill(alt);
  await dialog.getByRole('textbox', { name: 'Credit' }).fill(credit);
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await expect(dialog.getByText(/It is first in the list below\.$/)).toBeVisible();
  // The list's status line counts the new picture too.
  const listed = dialog.getByRole('listitem');
  await expect(listed.filter({ hasText: picture.name })).toHaveCount(1);
  const n = await listed.count();
  await expect(dialog.getByRole('status')).toHaveText(`${n} ${n === 1 ? 'picture' : 'pictures'}, newest first.`);
  await dialog
    .getByRole('listitem')
    .filter({ hasText: picture.name })
    .getByRole('button', { name: /^Choose\b/ })
    .click();
  await expect(dialog).toBeHidden();
}

/** Opens a new article from the article list. */
export async function openNewArticle(page: Page): Promise<void> {
  await page.goto('/admin/articles');
  await page.getByRole('link', { name: 'New article' }).click();
  await expect(page).toHaveURL('/admin/articles/new');
  await expect(articleForm(page)).toBeVisible();
}

/** The id in the editor's address once the article is saved (/admin/articles/12). */
export async function savedArticleId(page: Page): Promise<number> {
  await expect(page).toHaveURL(/\/admin\/articles\/\d+$/);
  return Number(/(\d+)$/.exec(new URL(page.url()).pathname)![1]);
}

/** Writes and publishes an article through the editor; returns its id and slug. */
export async function publishThroughEditor(page: Page, draft: ArticleDraft): Promise<{ id: number; slug: string }> {
  await openNewArticle(page);
  await fillArticle(page, draft);
  const slug = await editorFields(page).slug.inputValue();
  await editorFields(page).button('Publish').click();
  await expect(editorMessage(page)).toHaveText('Published. Readers can see it now.');
  return { id: await savedArticleId(page), slug };
}

/** The JSON-LD of a page. */
export async function jsonLd(scope: Page | Locator): Promise<Record<string, unknown>> {
  const text = await scope.locator('script[type="application/ld+json"]').first().textContent();
  return JSON.parse(text ?? '{}') as Record<string, unknown>;
}
