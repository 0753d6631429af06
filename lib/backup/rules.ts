import path from 'node:path';

// The pure rules of backups: how often, where, what a backup is called and which are kept.
// Imported by lib/env.ts (so no database or Next import here).

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * BACKUP_EVERY as milliseconds: "30m", "6h", "1d" (at least 5 minutes, at most 30 days), or 0 for
 * "off". Undefined for anything else.
 */
export function parseBackupInterval(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'off' || v === '0') return 0;
  const match = /^(\d+)\s*([mhd])$/.exec(v);
  if (!match) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms >= 5 * 60_000 && ms <= 30 * 86_400_000 ? ms : undefined;
}

/** Where backups go when BACKUP_DIR is not set: a `backups` folder beside the database. */
export function defaultBackupDir(databasePath: string): string {
  return path.join(path.dirname(databasePath), 'backups');
}

/** A backup's folder name: `ledger-` and its UTC time, so names sort by age. */
export function backupName(at: Date): string {
  return `ledger-${at.toISOString().replace(/[:.]/g, '-')}`;
}

const NAME = /^ledger-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

/** Whether a folder name is one of ours (so rotation never touches anything else in BACKUP_DIR). */
export const isBackupName = (name: string) => NAME.test(name);

/** Of the backups' folder names, those to remove so that the newest `keep` remain. */
export function backupsToRemove(names: readonly string[], keep: number): string[] {
  return names.filter(isBackupName).sort().reverse().slice(Math.max(1, keep));
}

/** Whether a scheduled backup is due: none yet, or the last attempt began `every` ago or more. */
export function isBackupDue(lastStartedAt: Date | null, every: number, now: Date): boolean {
  if (every <= 0) return false;
  return lastStartedAt === null || now.getTime() - lastStartedAt.getTime() >= every;
}

/** How the dashboard should show the last backup: fine, old (twice the interval) or failed. */
export function backupHealth(
  last: { status: 'running' | 'ok' | 'failed'; startedAt: Date } | null,
  lastOk: Date | null,
  every: number,
  now: Date,
): 'ok' | 'old' | 'failed' | 'none' {
  if (last?.status === 'failed') return 'failed';
  if (lastOk === null) return 'none';
  if (every > 0 && now.getTime() - lastOk.getTime() > 2 * every) return 'old';
  return 'ok';
}

/** BACKUP_EVERY for people: "1 day", "6 hours", "30 minutes", or "off". */
export function describeInterval(ms: number): string {
  if (ms <= 0) return 'off';
  if (ms % 86_400_000 === 0) return ms === 86_400_000 ? 'day' : `${ms / 86_400_000} days`;
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? 'hour' : `${ms / 3_600_000} hours`;
  return `${ms / 60_000} minutes`;
}
