import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { backups } from '@/db/schema';
import { env } from '@/lib/env';
import { seedDatabaseIfEmpty } from '@/db/seed';
import { claimScheduledBackup, lastBackups, runScheduledBackup, takeBackupNow } from './runs';

// Backups as the site records them, on this test file's own database: one scheduled backup per
// interval whichever process asks, the child process a server uses, and what the dashboard reads.

beforeAll(() => {
  migrateDatabase();
  seedDatabaseIfEmpty();
});

const DAY = 86_400_000;

describe('backups on the site database', () => {
  it('are taken on demand, checked, recorded and shown as the last', () => {
    const outcome = takeBackupNow(new Date('2026-12-06T10:00:00Z'));
    expect(fs.existsSync(`${outcome.path}/site.db`)).toBe(true);
    expect(outcome.path.startsWith(env.BACKUP_DIR)).toBe(true);
    expect(outcome.tables.comments).toBe((getDb().$client.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n);
    const { last, lastOk } = lastBackups();
    expect(last?.status).toBe('ok');
    expect(last?.trigger).toBe('manual');
    expect(lastOk?.path).toBe(outcome.path);
    expect(last?.detail).toMatch(/integrity check ok/);
  });

  it('are claimed by one process per interval: not while one runs, not again until BACKUP_EVERY has passed', () => {
    const last = lastBackups().last!.startedAt.getTime();
    expect(claimScheduledBackup(new Date(last + DAY - 1))).toBeNull();
    const claimed = claimScheduledBackup(new Date(last + DAY));
    expect(claimed).not.toBeNull();
    // Another process asking at the same moment, or later while it runs, gets nothing.
    expect(claimScheduledBackup(new Date(last + DAY))).toBeNull();
    expect(claimScheduledBackup(new Date(last + DAY + 30 * 60_000))).toBeNull();
    // One whose process died (still marked running after an hour) does not hold up the next.
    expect(claimScheduledBackup(new Date(last + 2 * DAY))).not.toBeNull();
  });

  it('run in a child process on schedule, and say why when they fail', async () => {
    getDb().delete(backups).run();
    const now = new Date();
    await runScheduledBackup(now);
    const { last } = lastBackups();
    expect(last?.trigger).toBe('scheduled');
    expect(last?.status).toBe('ok');
    expect(fs.existsSync(`${last!.path}/manifest.json`)).toBe(true);

    // A backup folder that cannot be written: recorded as failed, with the reason.
    fs.rmSync(env.BACKUP_DIR, { recursive: true, force: true });
    fs.writeFileSync(env.BACKUP_DIR, 'not a folder');
    try {
      await runScheduledBackup(new Date(now.getTime() + DAY));
      const failed = lastBackups();
      expect(failed.last?.status).toBe('failed');
      expect(failed.last?.detail).toMatch(/ENOTDIR|EEXIST|not a directory/i);
      expect(failed.lastOk?.startedAt.getTime()).toBe(now.getTime());
    } finally {
      fs.rmSync(env.BACKUP_DIR, { force: true });
    }
  });
});
