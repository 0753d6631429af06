import fs from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { emailOutbox, subscribers } from '../db/schema';
import { insertSubscriber, outboxRowsTo, uniqueTag } from './support/admin-data';
import { expect, test } from './support/fixtures';

// Subscribers: search by email, filter by status, export as CSV, delete.

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

test('search subscribers by email, then export what was found as CSV', async ({ adminPage: page, siteDb }) => {
  const tag = uniqueTag('csv');
  // Fields a spreadsheet would misread: a formula, a comma, quotes.
  const tricky = '=HYPERLINK("https://evil.example","click"), then more';
  const rows = [
    { email: `${tag}.ann@example.com`, status: 'confirmed' as const, consentSource: '/newsletter' },
    { email: `${tag}.bob@example.com`, status: 'pending' as const, consentSource: tricky },
    { email: `${tag}.cy@example.com`, status: 'unsubscribed' as const, consentSource: '/articles/a "quoted" page' },
  ];
  for (const r of rows) insertSubscriber(siteDb, r);
  insertSubscriber(siteDb, { email: `someone-else-${tag.split('-').at(-1)}@example.com` });

  await page.goto('/admin/subscribers');
  const search = page.getByRole('search', { name: 'Search subscribers' });
  await search.getByLabel('Search by email').fill(tag);
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(`/admin/subscribers?q=${tag}`);
  await expect(page.getByRole('main')).toContainText(`3 subscribers matching “${tag}”`);
  const listed = page.getByRole('table').getByRole('row').filter({ hasText: tag });
  await expect(listed).toHaveCount(3);
  await expect(listed.filter({ hasText: `${tag}.bob@example.com` })).toContainText('pending');

  // Filtering by status keeps the search.
  await page
    .getByRole('navigation', { name: 'Subscriber status' })
    .getByRole('link', { name: /^pending/ })
    .click();
  await expect(page).toHaveURL('/admin/subscribers?status=pending');
  await search.getByLabel('Search by email').fill(tag);
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('main')).toContainText(`1 subscriber matching “${tag}”`);
  await page.goto(`/admin/subscribers?q=${tag}`);

  const [download] = await Promise.all([page.waitForEvent('download'), search.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^subscribers-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const [header, ...records] = parseCsv(text);
  expect(header).toEqual(['email', 'status', 'consent_source', 'consent_at', 'created_at', 'confirmed_at', 'unsubscribed_at']);
  // Newest first, only the rows the search found.
  expect(records.map((r) => r[0])).toEqual(rows.map((r) => r.email).reverse());
  const byEmail = new Map(records.map((r) => [r[0], r]));
  expect(byEmail.get(rows[0]!.email)?.[1]).toBe('confirmed');
  // A formula is defused with a leading apostrophe; commas and quotes survive the round trip.
  expect(byEmail.get(rows[1]!.email)?.[2]).toBe(`'${tricky}`);
  expect(byEmail.get(rows[2]!.email)?.[2]).toBe('/articles/a "quoted" page');
  for (const r of records) expect(r[4]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
});

test('the CSV export answers 401 without a staff session', async ({ request }) => {
  // The proxy sends a browser without any session cookie to sign-in; with a cookie that names no
  // session, the route handler itself must refuse.
  const response = await request.get('/admin/subscribers/export', {
    headers: { Cookie: 'authjs.session-token=no-such-session' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(401);
  expect(await response.text()).not.toContain('@');
});

test('a moderator can search subscribers but not export or delete them', async ({ staffPage: page, siteDb }) => {
  const email = `${uniqueTag('mod-view')}@example.com`;
  insertSubscriber(siteDb, { email, status: 'pending' });
  await page.goto(`/admin/subscribers?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: email })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(page.getByText('Only an admin can export the list or delete a subscriber.')).toBeVisible();
});

test('deleting a subscriber erases the row and cancels their queued email', async ({ adminPage: page, siteDb }) => {
  const email = `${uniqueTag('erase')}@example.com`;
  const id = insertSubscriber(siteDb, { email, status: 'pending' });
  siteDb
    .insert(emailOutbox)
    .values({
      kind: 'newsletter_confirm',
      recipient: email,
      subject: 'Confirm',
      html: '<p>Confirm</p>',
      text: 'Confirm',
      ref: `subscriber:${id}`,
      status: 'queued',
      nextAttemptAt: new Date(Date.now() + 60 * 60 * 1000),
    })
    .run();

  await page.goto(`/admin/subscribers?q=${encodeURIComponent(email)}`);
  await page
    .getByRole('form', { name: `Delete ${email}` })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('main').locator('.flash').getByRole('status')).toHaveText(
    'Subscriber deleted, with their tokens and any queued email.',
  );
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: email })).toHaveCount(0);
  expect(siteDb.select({ n: count() }).from(subscribers).where(eq(subscribers.email, email)).get()).toEqual({ n: 0 });
  expect(outboxRowsTo(siteDb, email)).toEqual([{ kind: 'newsletter_confirm', status: 'cancelled' }]);
});
