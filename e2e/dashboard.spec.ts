import { addStaffMember } from '../test/support/site-data';
import { roleOf, uniqueTag } from './support/admin-data';
import { expect, test } from './support/fixtures';
import { horizontalOverflow, PHONE } from './support/layout';

// The dashboard as staff use it: on a phone, and an admin changing a colleague's role.

test.describe('on a phone', () => {
  test.use(PHONE);

  test('no dashboard page scrolls sideways', async ({ adminPage: page }) => {
    expect(page.viewportSize()?.width).toBe(PHONE.viewport.width);
    for (const path of [
      '/admin',
      '/admin/articles?tab=published',
      '/admin/articles/new',
      '/admin/media',
      '/admin/authors',
      '/admin/pages',
      '/admin/pages/privacy',
      '/admin/comments',
      '/admin/log',
      '/admin/subscribers',
      '/admin/newsletters',
      '/admin/outbox',
      '/admin/outbox?recipient=example',
      '/admin/staff',
      '/admin/blocklist',
    ]) {
      await page.goto(path);
      const overflow = await horizontalOverflow(page);
      expect(overflow.scrollWidth, `${path} is wider than the screen: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(
        overflow.clientWidth,
      );
    }
  });
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

test('an admin sees the last backup on the overview, which the server took when it started; a moderator does not', async ({
  adminPage: page,
  staffPage,
  siteDb,
}) => {
  const last = siteDb.$client
    .prepare<[], { path: string; status: string }>(
      `SELECT path, status FROM backups WHERE trigger = 'scheduled' ORDER BY started_at DESC LIMIT 1`,
    )
    .get();
  expect(last?.status, 'the server takes a backup when it starts').toBe('ok');
  await page.goto('/admin');
  const section = page.getByRole('region', { name: 'Backups' });
  await expect(section).toContainText('The last backup was taken');
  await expect(section).toContainText(last!.path);
  await expect(section).toContainText('A server takes one every day; the newest 7 are kept');
  await staffPage.goto('/admin');
  await expect(staffPage.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(staffPage.getByRole('region', { name: 'Backups' })).toHaveCount(0);
});
