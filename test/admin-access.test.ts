import { beforeAll, describe, expect, it, vi } from 'vitest';
import { adminActionModules, consoleFiles, declaredRole, urlOfAppFile } from '../e2e/support/admin-surface';

// Every /admin page, admin action and admin route handler checks the session itself; the proxy is
// only a fast redirect. The actions are imported and called: each module's exports are the actions
// (a 'use server' module exports nothing else), so a new one is tested the day it is written.
// e2e/admin-access.spec.ts then calls them all over HTTP against the production server.

const caller = vi.hoisted(() => ({
  staff: null as null | { id: string; email: string; name: string | null; role: StaffRole },
}));

vi.mock('@/lib/auth/session', async () => {
  const { redirect } = await import('next/navigation');
  const requireStaff = async (access: Access = 'staff') => {
    const staff = caller.staff ?? redirect('/admin/sign-in');
    return canAccess(staff.role, access) ? staff : redirect('/admin/forbidden');
  };
  return { currentStaff: async () => caller.staff, requireStaff, requireAdmin: () => requireStaff('admin') };
});

import { getDb } from '@/db';
import type { StaffRole } from '@/db/schema';
import { canAccess, type Access } from '@/lib/auth/roles';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabaseIfEmpty } from '@/db/seed';

const GUARD = /\b(requireStaff|requireAdmin|staffOrResponse)\(/;

describe('dashboard pages, layouts and route handlers', () => {
  const files = [...consoleFiles('page'), ...consoleFiles('layout'), ...consoleFiles('route')];

  it('are found', () => {
    expect(files.map((f) => f.url)).toEqual(
      expect.arrayContaining(['/admin', '/admin/comments', '/admin/staff', '/admin/subscribers/export']),
    );
  });

  for (const { file, source } of files) {
    it(`${file} checks the session itself`, () => {
      expect(source).toMatch(GUARD);
      // Awaited, at the top of the default export or handler, before any data is read.
      expect(source).toMatch(/await (requireStaff|requireAdmin|staffOrResponse)\(/);
    });
  }

  it('maps files to URLs without route groups', () => {
    expect(urlOfAppFile('app/admin/(console)/subscribers/export/route.ts')).toBe('/admin/subscribers/export');
    expect(urlOfAppFile('app/admin/(console)/page.tsx')).toBe('/admin');
  });
});

type Action = ((previous: { status: 'idle' }, formData: FormData) => Promise<unknown>) & { staffRole?: Access };

/** Everything the database holds, to show that a refused call changed nothing. */
function everything(): Record<string, unknown[]> {
  const client = getDb().$client;
  const tables = client
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'`,
    )
    .all();
  return Object.fromEntries(tables.map(({ name }) => [name, client.prepare(`SELECT * FROM "${name}"`).all()]));
}

/** The redirect a call ended in (Next's redirect() throws), or null if it returned. */
async function redirectOf(call: Promise<unknown>): Promise<string | null> {
  try {
    await call;
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (!digest.startsWith('NEXT_REDIRECT;')) throw error;
    return digest.split(';')[2]!;
  }
}

describe('admin server actions', () => {
  const modules: [string, Record<string, unknown>][] = [];

  beforeAll(async () => {
    migrateDatabase();
    seedDatabaseIfEmpty();
    for (const file of adminActionModules()) modules.push([file, await import(`../${file}`)]);
  });

  const actions = () =>
    modules.flatMap(([file, exports]) => Object.entries(exports).map(([name, value]) => ({ file, name, action: value as Action })));

  it('are every export of every admin-actions module and the staff actions', () => {
    expect(new Set(modules.map(([file]) => file))).toEqual(
      new Set([
        'lib/articles/admin-actions.ts',
        'lib/authors/admin-actions.ts',
        'lib/comments/admin-actions.ts',
        'lib/mail/admin-actions.ts',
        'lib/newsletter/admin-actions.ts',
        'lib/privacy/admin-actions.ts',
        'lib/site-pages/admin-actions.ts',
        'lib/staff/actions.ts',
      ]),
    );
    expect(actions().map((a) => a.name)).toEqual(
      expect.arrayContaining([
        'moderateSelected',
        'addStaffAction',
        'retryEmailAction',
        'sendIssueAction',
        'saveArticleAction',
        'saveSitePageAction',
        'saveAuthorAction',
      ]),
    );
  });

  it('are each made by staffAction, which checks the caller first, with the role its source declares', () => {
    for (const { file, name, action } of actions()) {
      expect(typeof action, `${file} ${name}`).toBe('function');
      expect(['admin', 'editor', 'moderator', 'staff'], `${file} ${name} is not made with staffAction`).toContain(action.staffRole);
      expect(declaredRole(file, name), `${file} ${name}`).toBe(action.staffRole);
    }
  });

  it('refuse a caller without a staff session, and a staff member whose role does not allow it; nothing changes', async () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({
      id: '1',
      ids: '1',
      action: 'approve',
      kind: 'word',
      value: 'x',
      body: 'Changed text',
      parentId: '1',
      email: 'a@b.example',
      role: 'admin',
      subject: 'Subject',
      articles: '1',
      version: 'v',
    }))
      form.append(key, value);
    const before = everything();
    for (const { file, name, action } of actions()) {
      caller.staff = null;
      expect(await redirectOf(action({ status: 'idle' }, form)), `${file} ${name} without a session`).toBe('/admin/sign-in');
      for (const role of ['moderator', 'editor'] as const) {
        if (canAccess(role, action.staffRole!)) continue;
        caller.staff = { id: role, email: `${role}@ledger.example`, name: null, role };
        expect(await redirectOf(action({ status: 'idle' }, form)), `${file} ${name} as ${role}`).toBe('/admin/forbidden');
      }
      expect(everything(), `${file} ${name} changed data`).toEqual(before);
    }
    caller.staff = null;
  });

  it('staff management needs an admin', () => {
    for (const { file, name, action } of actions().filter((a) => a.file === 'lib/staff/actions.ts'))
      expect(action.staffRole, `${file} ${name}`).toBe('admin');
  });
});
