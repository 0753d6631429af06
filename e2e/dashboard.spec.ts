import { addStaffMember } from '../test/support/site-data';
import { roleOf, uniqueTag } from './support/admin-data';
import { expect, test } from './support/fixtures';

// The dashboard as staff use it: on a phone, and an admin changing a colleague's role.

test('on a phone, no dashboard page scrolls sideways', async ({ browser, settings, admin }) => {
  const context = await browser.newContext({
    baseURL: settings.siteUrl,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await context.addCookies([{ name: 'authjs.session-token', value: admin.sessionToken, url: settings.siteUrl }]);
  const page = await context.newPage();
  for (const path of [
    '/admin',
    '/admin/articles?tab=published',
    '/admin/articles/new',
    '/admin/media',
    '/admin/comments',
    '/admin/log',
    '/admin/subscribers',
    '/admin/newsletters',
    '/admin/outbox',
    '/admin/staff',
    '/admin/blocklist',
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} is ${overflow} px wider than the screen`).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test("an admin changes a colleague's role on the Staff page", async ({ adminPage: page, siteDb }) => {
  const email = `${uniqueTag('role')}@ledger.example`;
  addStaffMember(siteDb, email, 'moderator');
  await page.goto('/admin/staff');
  const form = page.getByRole('form', { name: `Role of ${email}` });
  await form.getByRole('combobox', { name: `Role of ${email}` }).selectOption('editor');
  await form.getByRole('button', { name: 'Change role' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${email} is now an editor.` })).toBeVisible();
  expect(roleOf(siteDb, email)).toBe('editor');
});
