import 'server-only';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq, gt } from 'drizzle-orm';
import { databasePath, getDb, type DbOrTx } from '@/db';
import { removeBackups, writeBackup } from '@/db/backup.mjs';
import { backups, type BackupRow } from '@/db/schema';
import { env } from '@/lib/env';
import { backupName, backupsToRemove, isBackupDue } from './rules';

// Backups as the site records them (the `backups` table): scheduled ones taken by whichever server
// process claims them first, `npm run backup`'s, and what the dashboard shows.

/** A backup still marked running after this long was cut short (its process died): it no longer blocks the next. */
const STALE_RUNNING_MS = 60 * 60_000;

/** What a finished backup holds (db/backup.mjs writes it, here or in the child process). */
export type BackupOutcome = ReturnType<typeof writeBackup>;

const summary = (o: BackupOutcome) =>
  `${Object.values(o.tables).reduce((a, b) => a + b, 0)} rows in ${Object.keys(o.tables).length} tables, ${o.pictures} pictures; integrity check ok`;

/** Records a backup as running (in `db`, the caller's transaction when it claims one); its id and folder name. */
function start(db: DbOrTx, trigger: 'scheduled' | 'manual', now: Date): { id: number; name: string } {
  const name = backupName(now);
  const row = db
    .insert(backups)
    .values({ trigger, status: 'running', path: path.join(env.BACKUP_DIR, name), startedAt: now })
    .returning({ id: backups.id })
    .get();
  return { id: row.id, name };
}

function finish(id: number, outcome: BackupOutcome | { error: string }) {
  const values =
    'error' in outcome
      ? { status: 'failed' as const, detail: outcome.error }
      : { status: 'ok' as const, path: outcome.path, bytes: outcome.bytes, detail: summary(outcome) };
  getDb()
    .update(backups)
    .set({ ...values, finishedAt: new Date() })
    .where(eq(backups.id, id))
    .run();
}

/** Keeps the newest BACKUP_KEEP backups in BACKUP_DIR; never touches a folder not named like ours. */
export function rotateBackups(): string[] {
  if (!fs.existsSync(env.BACKUP_DIR)) return [];
  const doomed = backupsToRemove(fs.readdirSync(env.BACKUP_DIR), env.BACKUP_KEEP);
  removeBackups(env.BACKUP_DIR, doomed);
  return doomed;
}

/** `npm run backup`: one backup now, in this process, recorded and rotated like the scheduled ones. */
export function takeBackupNow(now = new Date()): BackupOutcome {
  const { id, name } = start(getDb(), 'manual', now);
  try {
    const outcome = writeBackup({
      databasePath: databasePath(),
      mediaPath: env.MEDIA_PATH,
      backupDir: env.BACKUP_DIR,
      name,
    });
    finish(id, outcome);
    rotateBackups();
    return outcome;
  } catch (error) {
    finish(id, { error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/**
 * Claims the scheduled backup if one is due (BACKUP_EVERY since the last attempt began, and none
 * running), in one write transaction: of several server processes, one gets it.
 */
export function claimScheduledBackup(now = new Date()): { id: number; name: string } | null {
  if (env.BACKUP_EVERY <= 0) return null;
  return getDb().transaction(
    (tx) => {
      const running = tx
        .select({ id: backups.id })
        .from(backups)
        .where(and(eq(backups.status, 'running'), gt(backups.startedAt, new Date(now.getTime() - STALE_RUNNING_MS))))
        .get();
      if (running) return null;
      const last = tx.select({ startedAt: backups.startedAt }).from(backups).orderBy(desc(backups.startedAt)).limit(1).get();
      if (!isBackupDue(last?.startedAt ?? null, env.BACKUP_EVERY, now)) return null;
      return start(tx, 'scheduled', now);
    },
    { behavior: 'immediate' },
  );
}

/** Runs db/backup.mjs in a child process (a long copy must not hold up this server's requests). */
function backupInChild(name: string): Promise<BackupOutcome> {
  const script = path.join(/*turbopackIgnore: true*/ process.cwd(), 'scripts', 'backup-child.mjs');
  const args = JSON.stringify({ databasePath: databasePath(), mediaPath: env.MEDIA_PATH, backupDir: env.BACKUP_DIR, name });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    // 'close', not 'exit': the output may still be arriving when the process has exited.
    child.on('close', (code) => {
      try {
        const answer = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as BackupOutcome | { error: string };
        if ('error' in answer) reject(new Error(answer.error));
        else if (code === 0) resolve(answer);
        else reject(new Error(`the backup process exited ${code}`));
      } catch {
        reject(new Error(`the backup process exited ${code}: ${err.trim().slice(-300) || 'no answer'}`));
      }
    });
  });
}

/** The background job: takes the scheduled backup when due, records how it went, rotates. */
export async function runScheduledBackup(now = new Date()): Promise<void> {
  const claimed = claimScheduledBackup(now);
  if (!claimed) return;
  try {
    const outcome = await backupInChild(claimed.name);
    finish(claimed.id, outcome);
    rotateBackups();
    console.log(`[backup] ${outcome.path}: ${summary(outcome)}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    finish(claimed.id, { error: message });
    console.error(`[backup] the scheduled backup failed: ${message}`);
  }
}

/** For the dashboard: the last backup attempt and the last that worked. */
export function lastBackups(): { last: BackupRow | null; lastOk: BackupRow | null } {
  const db = getDb();
  return {
    last: db.select().from(backups).orderBy(desc(backups.startedAt)).limit(1).get() ?? null,
    lastOk: db.select().from(backups).where(eq(backups.status, 'ok')).orderBy(desc(backups.startedAt)).limit(1).get() ?? null,
  };
}
