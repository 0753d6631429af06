import { describe, expect, it } from 'vitest';
import { allAdminActions, consoleFiles, urlOfAppFile } from '../e2e/support/admin-surface';

// Issue 6: every /admin page, admin action and admin route handler checks the session itself; the
// proxy is only a fast redirect. This reads the source, so it fails the moment a new page, route
// handler or action forgets; e2e/admin-access.spec.ts then calls them all against the server.

const GUARD = /\b(requireStaff|requireAdmin|staffOrResponse)\(/;

describe('dashboard pages, layouts and route handlers', () => {
  const files = [...consoleFiles('page'), ...consoleFiles('layout'), ...consoleFiles('route')];

  it('are found', () => {
    expect(files.map((f) => f.url)).toEqual(expect.arrayContaining(['/admin', '/admin/comments', '/admin/staff', '/admin/subscribers/export']));
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

describe('admin server actions', () => {
  const actions = allAdminActions();

  it('are found in every admin-actions module and the staff actions', () => {
    expect(new Set(actions.map((a) => a.file))).toEqual(
      new Set(['lib/comments/admin-actions.ts', 'lib/mail/admin-actions.ts', 'lib/newsletter/admin-actions.ts', 'lib/staff/actions.ts']),
    );
    expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(['moderateSelected', 'addStaffAction', 'retryEmailAction']));
  });

  for (const action of actions) {
    it(`${action.file} ${action.name} checks the caller before anything else`, () => {
      // The first statement of the function body awaits the check.
      const firstStatement = action.body.slice(action.body.indexOf('{', action.body.indexOf(')')) + 1).trim().split('\n')[0];
      expect(firstStatement).toMatch(/^(const \w+ = )?await (requireStaff|requireAdmin)\(\);$/);
    });
  }

  it('staff management needs an admin', () => {
    for (const a of actions.filter((x) => x.file === 'lib/staff/actions.ts')) expect(a.adminOnly, a.name).toBe(true);
  });
});
