import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { asc, eq } from 'drizzle-orm';
import { sections, subscriberSections, subscribers } from '../db/schema';
import type { SiteDb } from '../test/support/site-db';
import { test as base, expect as baseExpect } from './support/fixtures';
import { linkIn, type FakeEmail } from './support/mailbox';
import { CONFIRMED, confirmationLink, newAddress, signUpInFooter, subscriberRow, SUCCESS, WELCOME_SUBJECT } from './support/newsletter';
import { composeIssue, seedConfirmedSubscribers, sendIssue, type SeededSubscriber } from './support/newsletter-send';
import { listPublished } from './support/site-content';

// A subscriber's own page, from the "Manage your subscription" link in their email: sections,
// an issue for one section that reaches only its subscribers, pause and resume, a change of
// address confirmed from the new mailbox, unsubscribe. The e2e database is shared with other
// specs running alongside: this one makes its own subscribers and asserts only about them.

const expect = baseExpect.configure({ timeout: 15_000 });

const test = base.extend({
  // Each test comes from its own network, so the per-IP sign-up limit never trips across tests.
  extraHTTPHeaders: async ({ clientIp }, provide) => {
    await provide({ 'X-Forwarded-For': clientIp });
  },
});

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const run = `mg${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const issueSubject = `Only for one section (${run})`;
const CHANGE_SUBJECT = /^Confirm your new address for The Ledger's newsletter$/;
const SAVED_ONE = /^Saved\. You will get issues about /;

interface Section {
  id: number;
  name: string;
}
let chosen: Section;
let other: Section;

/** The reader who signs up through the site; their address changes in a later test. */
const reader = { email: newAddress('manage'), manageUrl: '' };
/** Seeded subscribers: every section; only the other section; every section, to be paused. */
let everySection: SeededSubscriber;
let otherSectionOnly: SeededSubscriber;
let pausing: SeededSubscriber;

const manageUrl = (token: string) => `/newsletter/manage?token=${token}`;
const status = (page: Page) => page.getByRole('main').getByRole('status').first();

test.beforeAll(({ siteDb }) => {
  const all = siteDb.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position)).all();
  [chosen, other] = [all[0]!, all[1]!];
  const seeded = seedConfirmedSubscribers(siteDb, run, 3);
  [everySection, otherSectionOnly, pausing] = [seeded[0]!, seeded[1]!, seeded[2]!];
  siteDb.update(subscribers).set({ allSections: false }).where(eq(subscribers.id, otherSectionOnly.id)).run();
  siteDb.insert(subscriberSections).values({ subscriberId: otherSectionOnly.id, sectionId: other.id }).run();
});

function manageLinkIn(email: FakeEmail, siteUrl: string): string {
  expect(email.html).toContain('Manage your subscription');
  return linkIn(email, `${siteUrl}/newsletter/manage?token=`);
}

const sectionRows = (db: SiteDb, id: number) =>
  db
    .select({ sectionId: subscriberSections.sectionId })
    .from(subscriberSections)
    .where(eq(subscriberSections.subscriberId, id))
    .all()
    .map((r) => r.sectionId);

test('a subscriber opens the manage link from their welcome email and chooses one section', async ({ page, mailbox, siteDb, settings }) => {
  await page.goto('/');
  const box = await signUpInFooter(page, reader.email);
  await expect(box.getByRole('status')).toHaveText(SUCCESS);
  await page.goto(await confirmationLink(mailbox, settings.siteUrl, reader.email));
  await expect(page.getByRole('main').getByText(CONFIRMED)).toBeVisible();

  const welcome = await mailbox.waitForEmail(reader.email, { subject: WELCOME_SUBJECT, timeout: 30_000 });
  reader.manageUrl = manageLinkIn(welcome, settings.siteUrl);
  const row = subscriberRow(siteDb, reader.email)!;
  expect(reader.manageUrl).toBe(`${settings.siteUrl}${manageUrl(row.unsubscribeToken)}`);

  await page.goto(reader.manageUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Your subscription' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`The newsletter goes to ${reader.email}.`);
  await expect(status(page)).toHaveText('Subscribed. You get the newsletter every Friday.');
  // Sign-ups take every section, including new ones.
  const form = page.getByRole('form', { name: 'Sections' });
  await expect(form.getByRole('checkbox', { name: 'All sections, including new ones' })).toBeChecked();

  // No section at all is not a choice: the answer says what to do, and the form stays as it was.
  await form.getByRole('checkbox', { name: 'All sections, including new ones' }).uncheck();
  await form.getByRole('button', { name: 'Save sections' }).click();
  // (Shown at the boxes; the live region says it to a screen reader without showing it twice.)
  await expect(form.getByText(/^Choose at least one section, or tick “All sections, including new ones”\./).first()).toBeVisible();
  await expect(form.getByText(/use Unsubscribe below/).first()).toBeVisible();
  await expect(form.getByRole('checkbox', { name: 'All sections, including new ones' })).not.toBeChecked();
  expect(subscriberRow(siteDb, reader.email)!.allSections).toBe(true);

  await form.getByRole('checkbox', { name: chosen.name, exact: true }).check();
  await form.getByRole('button', { name: 'Save sections' }).click();
  await expect(form.getByRole('status')).toHaveText(
    new RegExp(`${SAVED_ONE.source}${chosen.name}, and the issues we send to every reader\\.$`),
  );
  expect(subscriberRow(siteDb, reader.email)!.allSections).toBe(false);
  expect(sectionRows(siteDb, row.id)).toEqual([chosen.id]);

  // A new visit shows what was saved.
  await page.goto(reader.manageUrl);
  await expect(form.getByRole('checkbox', { name: chosen.name, exact: true })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: other.name, exact: true })).not.toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'All sections, including new ones' })).not.toBeChecked();
});

test('pause for a month from the manage page', async ({ page, siteDb }) => {
  await page.goto(manageUrl(pausing.token));
  const form = page.getByRole('form', { name: 'Pause' });
  await form.getByRole('button', { name: 'Pause for a month' }).click();
  await expect(form.getByRole('status')).toHaveText(/^Paused\. The newsletter starts again by itself on \d{1,2} \w+ \d{4}\.$/);
  await expect(status(page)).toHaveText(/^Paused until \d{1,2} \w+ \d{4}\.$/);
  await expect(form.getByRole('button', { name: 'Resume now' })).toBeVisible();
  const until = siteDb.select({ at: subscribers.pausedUntil }).from(subscribers).where(eq(subscribers.id, pausing.id)).get()!.at!;
  expect(Math.abs(until.getTime() - Date.now() - 30 * 86_400_000)).toBeLessThan(5 * 60_000);
});

test("an issue for one section reaches its subscribers and those of every section, not another section's or a paused one", async ({
  adminPage,
  mailbox,
  siteDb,
  settings,
}) => {
  test.setTimeout(180_000);
  const article = listPublished(siteDb)[3]!;
  const id = await composeIssue(adminPage, {
    subject: issueSubject,
    intro: `For ${chosen.name} readers (${run}).`,
    articles: [article],
    sendTo: `Subscribers of ${chosen.name}`,
  });
  await expect(adminPage.getByRole('main')).toContainText(`Send to: subscribers of ${chosen.name}`);
  const recipients = await sendIssue(adminPage, id, { audience: `subscribers of ${chosen.name}` });
  expect(recipients).toBeGreaterThanOrEqual(2);
  await expect(adminPage.locator('.issue-progress')).toContainText(new RegExp(`Sent to \\d+ subscribers of ${chosen.name}`));

  const copies = (await mailbox.emails()).filter((e) => e.subject === issueSubject);
  const to = (email: string) => copies.filter((e) => e.to.includes(email));
  await expect.poll(() => mailbox.emails(reader.email).then((all) => all.filter((e) => e.subject === issueSubject).length)).toBe(1);
  expect(to(everySection.email)).toHaveLength(1);
  expect(to(otherSectionOnly.email)).toHaveLength(0);
  expect(to(pausing.email)).toHaveLength(0);
  // Each copy carries its reader's own manage link beside Unsubscribe.
  const [copy] = await mailbox.emails(everySection.email).then((all) => all.filter((e) => e.subject === issueSubject));
  expect(manageLinkIn(copy!, settings.siteUrl)).toBe(`${settings.siteUrl}${manageUrl(everySection.token)}`);

  // The staff list and the public archive say who it was for.
  await adminPage.goto('/admin/newsletters');
  const row = adminPage.getByRole('row').filter({ has: adminPage.getByRole('link', { name: issueSubject }) });
  await expect(row).toContainText(`${chosen.name} subscribers`);
  await adminPage.context().clearCookies();
  await adminPage.goto('/newsletter/archive');
  const item = adminPage.getByRole('listitem').filter({ has: adminPage.getByRole('link', { name: issueSubject }) });
  await expect(item).toContainText(`${chosen.name} subscribers`);
});

test('resume now: the pause ends at once', async ({ page, siteDb }) => {
  await page.goto(manageUrl(pausing.token));
  const form = page.getByRole('form', { name: 'Pause' });
  await form.getByRole('button', { name: 'Resume now' }).click();
  await expect(form.getByRole('status')).toHaveText('Resumed. The next issue will come to you as usual.');
  await expect(status(page)).toHaveText('Subscribed. You get the newsletter every Friday.');
  await expect(form.getByRole('button', { name: 'Pause for a month' })).toBeVisible();
  expect(siteDb.select({ at: subscribers.pausedUntil }).from(subscribers).where(eq(subscribers.id, pausing.id)).get()!.at).toBeNull();
});

test('change of address: the old one stays until the link from the new mailbox is confirmed with its button', async ({
  page,
  mailbox,
  siteDb,
  settings,
}) => {
  const before = subscriberRow(siteDb, reader.email)!;
  const next = newAddress('moved');
  await page.goto(reader.manageUrl);
  const form = page.getByRole('form', { name: 'Change your address' });

  // A mistyped address is answered at the field, with what was typed kept.
  await form.getByLabel('New email address').fill('not an address');
  await form.getByRole('button', { name: 'Change address' }).click();
  await expect(form.getByText('Please enter one email address only.').first()).toBeVisible();
  await expect(form.getByLabel('New email address')).toHaveValue('not an address');

  await form.getByLabel('New email address').fill(next);
  await form.getByRole('button', { name: 'Change address' }).click();
  await expect(form.getByRole('status')).toHaveText(
    `We have sent a link to ${next}. Open it to confirm the change; until then, the newsletter keeps coming to your current address.`,
  );
  expect(subscriberRow(siteDb, reader.email)).toMatchObject({ id: before.id, newEmail: next });

  const confirmation = await mailbox.waitForEmail(next, { subject: CHANGE_SUBJECT, timeout: 30_000 });
  const link = linkIn(confirmation, `${settings.siteUrl}/newsletter/confirm-address?token=`);
  // Opening the link (as a mail scanner would) changes nothing.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your new address' })).toBeVisible();
  expect(subscriberRow(siteDb, reader.email)!.id).toBe(before.id);
  expect(subscriberRow(siteDb, next)).toBeUndefined();

  await page.getByRole('button', { name: 'Confirm my new address' }).click();
  await expect(page.getByRole('main').getByText(`Your address has been changed. The newsletter now comes to ${next}.`)).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`The newsletter goes to ${next}.`);
  expect(page.url()).not.toContain(new URL(link).searchParams.get('token')!);
  const after = subscriberRow(siteDb, next)!;
  expect(after).toMatchObject({ id: before.id, status: 'confirmed', newEmail: null, allSections: false });
  expect(after.unsubscribeToken).not.toBe(before.unsubscribeToken);
  expect(subscriberRow(siteDb, reader.email)).toBeUndefined();

  // The link works once, and the manage link in mail sent to the old address no longer works.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'This link is not valid' })).toBeVisible();
  await page.goto(reader.manageUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'This link is not valid' })).toBeVisible();
  reader.email = next;
  reader.manageUrl = `${settings.siteUrl}${manageUrl(after.unsubscribeToken)}`;
});

test('with JavaScript off: save sections and pause by plain form posts', async ({ browser, siteDb, settings, clientIp }) => {
  const [subscriber] = seedConfirmedSubscribers(siteDb, `${run}-nojs`, 1);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL: settings.siteUrl,
    extraHTTPHeaders: { 'X-Forwarded-For': clientIp },
  });
  const page = await context.newPage();
  await page.goto(manageUrl(subscriber!.token));
  const sectionsForm = page.getByRole('form', { name: 'Sections' });
  // Without scripts, ticking a section leaves "All sections" ticked: untick it too.
  await sectionsForm.getByRole('checkbox', { name: 'All sections, including new ones' }).uncheck();
  await sectionsForm.getByRole('button', { name: 'Save sections' }).click();
  await expect(sectionsForm.getByText(/^Choose at least one section/).first()).toBeVisible();
  await sectionsForm.getByRole('checkbox', { name: other.name, exact: true }).check();
  await sectionsForm.getByRole('button', { name: 'Save sections' }).click();
  await expect(sectionsForm.getByText(new RegExp(`${SAVED_ONE.source}${other.name},`))).toBeVisible();
  expect(sectionRows(siteDb, subscriber!.id)).toEqual([other.id]);

  await page.getByRole('form', { name: 'Pause' }).getByRole('button', { name: 'Pause for a month' }).click();
  await expect(status(page)).toHaveText(/^Paused until \d{1,2} \w+ \d{4}\.$/);
  await context.close();
});

test('unsubscribe from the manage page', async ({ page, siteDb }) => {
  await page.goto(reader.manageUrl);
  await page.getByRole('region', { name: 'Unsubscribe' }).getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(status(page)).toHaveText('You have been unsubscribed. You will not receive the newsletter any more.');
  await expect(page.getByRole('button', { name: 'Resubscribe' })).toBeVisible();
  expect(subscriberRow(siteDb, reader.email)!.status).toBe('unsubscribed');
});

test('an unknown manage link gets a page that says so', async ({ page }) => {
  const response = await page.goto(manageUrl('no-such-token-anywhere-at-all-000000000000'));
  expect(response?.status()).toBe(200);
  // The token in its URL goes to no other site (same-origin, so forms post with an Origin without scripts).
  expect(response?.headers()['referrer-policy']).toBe('same-origin');
  expect(response?.headers()['cache-control']).toMatch(/no-store/);
  await expect(page.getByRole('heading', { level: 1, name: 'This link is not valid' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Manage your subscription');
  const bare = await page.goto('/newsletter/manage');
  expect(bare?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'This link is not valid' })).toBeVisible();
});
