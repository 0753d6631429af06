import { describe, expect, it } from 'vitest';
import { describeAge } from '@/lib/site/dates';
import { backupHealth, backupName, backupsToRemove, describeInterval, isBackupDue, parseBackupInterval } from './rules';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('BACKUP_EVERY', () => {
  it('reads minutes, hours and days, or off, and refuses the rest', () => {
    expect(parseBackupInterval('1d')).toBe(DAY);
    expect(parseBackupInterval('6h')).toBe(6 * HOUR);
    expect(parseBackupInterval('30m')).toBe(30 * 60_000);
    expect(parseBackupInterval(' 12H ')).toBe(12 * HOUR);
    expect(parseBackupInterval('off')).toBe(0);
    expect(parseBackupInterval('0')).toBe(0);
    for (const bad of ['', 'daily', '1w', '1.5h', '-1h', '1m', '31d']) expect(parseBackupInterval(bad), bad).toBeUndefined();
    expect(describeInterval(DAY)).toBe('day');
    expect(describeInterval(6 * HOUR)).toBe('6 hours');
    expect(describeInterval(0)).toBe('off');
  });
});

describe('scheduling and rotation', () => {
  const now = new Date('2026-12-06T12:00:00Z');

  it('is due with no backup yet, or once an interval has passed since the last attempt began; never when off', () => {
    expect(isBackupDue(null, DAY, now)).toBe(true);
    expect(isBackupDue(new Date(now.getTime() - DAY + 1), DAY, now)).toBe(false);
    expect(isBackupDue(new Date(now.getTime() - DAY), DAY, now)).toBe(true);
    expect(isBackupDue(null, 0, now)).toBe(false);
  });

  it('keeps the newest backups, at least one, and never touches a folder not named like ours', () => {
    const names = [0, 1, 2, 3, 4].map((d) => backupName(new Date(now.getTime() - d * DAY)));
    const other = ['notes', 'ledger-old', '.ledger-2026-12-06T12-00-00-000Z.partial'];
    expect(backupsToRemove([...other, ...names], 3)).toEqual([names[3], names[4]]);
    expect(backupsToRemove(names, 0)).toEqual(names.slice(1));
    expect(backupsToRemove(names, 10)).toEqual([]);
    // Names sort by time.
    expect(backupName(now)).toBe('ledger-2026-12-06T12-00-00-000Z');
  });

  it('tells the dashboard when the last backup failed, is too old, or never happened', () => {
    const ok = { status: 'ok' as const, startedAt: new Date(now.getTime() - HOUR) };
    expect(backupHealth(ok, ok.startedAt, DAY, now)).toBe('ok');
    expect(backupHealth({ status: 'failed', startedAt: now }, ok.startedAt, DAY, now)).toBe('failed');
    const old = new Date(now.getTime() - 2 * DAY - 1);
    expect(backupHealth({ status: 'ok', startedAt: old }, old, DAY, now)).toBe('old');
    expect(backupHealth(null, null, DAY, now)).toBe('none');
    expect(describeAge(3 * HOUR)).toBe('3 hours');
    expect(describeAge(50 * HOUR)).toBe('2 days');
    expect(describeAge(60_000)).toBe('1 minute');
    expect(describeAge(10_000)).toBe('under a minute');
  });
});
