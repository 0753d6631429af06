import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.ADMIN_EMAILS = 'chief@ledger.example';
});

import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { moderationLog, sessions } from '@/db/schema';
import { addStaff, comesBackAtStart, ensureAdmins, isInAdminEmails, removeStaff } from './manage';
import { getStaffByEmail } from './queries';

const logRows = () =>
  getDb()
    .select({ actor: moderationLog.actor, action: moderationLog.action, detail: moderationLog.detail })
    .from(moderationLog)
    .orderBy(moderationLog.id)
    .all();

beforeAll(() => {
  migrateDatabase();
});

describe('staff management', () => {
  it('adds, changes and removes staff; removing ends their sessions; each change is logged', () => {
    expect(addStaff({ email: ' Mod@Ledger.Example ', role: 'moderator', actor: 'boss@ledger.example' })).toEqual({
      email: 'mod@ledger.example',
      role: 'moderator',
    });
    const mod = getStaffByEmail('mod@ledger.example')!;
    expect(mod.role).toBe('moderator');
    getDb()
      .insert(sessions)
      .values({ sessionToken: 't1', userId: mod.id, expires: new Date(Date.now() + 60_000) })
      .run();

    addStaff({ email: 'mod@ledger.example', role: 'admin', actor: 'boss@ledger.example' });
    expect(getStaffByEmail('mod@ledger.example')?.role).toBe('admin');

    expect(removeStaff({ email: 'MOD@ledger.example', actor: 'npm run staff' })).toBe(true);
    expect(getStaffByEmail('mod@ledger.example')).toBeNull();
    expect(getDb().select({ n: count() }).from(sessions).where(eq(sessions.userId, mod.id)).get()).toEqual({ n: 0 });
    expect(removeStaff({ email: 'nobody@ledger.example', actor: 'npm run staff' })).toBe(false);

    expect(logRows()).toEqual([
      { actor: 'boss@ledger.example', action: 'staff-add', detail: 'mod@ledger.example as moderator' },
      { actor: 'boss@ledger.example', action: 'staff-add', detail: 'mod@ledger.example as admin' },
      { actor: 'npm run staff', action: 'staff-remove', detail: 'mod@ledger.example' },
    ]);
  });

  it('makes ADMIN_EMAILS admins at start without filling the log', () => {
    const before = logRows().length;
    ensureAdmins(['chief@ledger.example']);
    ensureAdmins(['chief@ledger.example']);
    expect(getStaffByEmail('chief@ledger.example')?.role).toBe('admin');
    expect(logRows()).toHaveLength(before);
  });
});

describe('ADMIN_EMAILS', () => {
  it('are known, whatever their case, so removing one can say it comes back at the next start', () => {
    expect(isInAdminEmails(' Chief@Ledger.example')).toBe(true);
    expect(isInAdminEmails('mod@ledger.example')).toBe(false);
    expect(comesBackAtStart('chief@ledger.example')).toBe(
      'chief@ledger.example is listed in ADMIN_EMAILS, so they will be an admin again at the next start: remove the address from ADMIN_EMAILS too.',
    );
  });
});
