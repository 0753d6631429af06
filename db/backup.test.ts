import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBackup, restoreBackup, runningServers, serversFolder, writeBackup } from './backup.mjs';

// db/backup.mjs on real SQLite files in a scratch folder: backups taken while another process
// commits comments as fast as it can, then restored.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-backup-'));
const databasePath = path.join(dir, 'site.db');
const mediaPath = path.join(dir, 'media');
const backupDir = path.join(dir, 'backups');

function makeDatabase(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE comments (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  db.close();
}

const maxId = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT coalesce(max(id), 0) AS n FROM comments').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

/** Another process committing one comment per transaction until killed. */
function startWriter(): ChildProcess {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(databasePath)});
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare('INSERT INTO comments (body) VALUES (?)');
    let i = 0;
    process.stdout.write('ready\\n');
    for (;;) insert.run('comment ' + ++i + ' ' + 'x'.repeat(200));
  `;
  return spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
}

beforeAll(() => {
  makeDatabase(databasePath);
  fs.mkdirSync(mediaPath, { recursive: true });
  fs.writeFileSync(path.join(mediaPath, `${'a'.repeat(64)}.jpg`), 'a picture');
  fs.mkdirSync(path.join(mediaPath, 'variants'));
  fs.writeFileSync(path.join(mediaPath, 'variants', `${'a'.repeat(64)}-320.avif`), 'a variant');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a backup taken while comments are written', () => {
  let writer: ChildProcess;
  beforeAll(async () => {
    writer = startWriter();
    await new Promise<void>((resolve) => writer.stdout!.once('data', () => resolve()));
    // Let some comments in first.
    while (maxId(databasePath) < 200) await new Promise((r) => setTimeout(r, 20));
  });
  afterAll(() => {
    writer.kill('SIGKILL');
  });

  it('holds every comment committed before it began and no half of any after, each time', async () => {
    for (let i = 0; i < 5; i++) {
      const before = maxId(databasePath);
      const result = writeBackup({ databasePath, mediaPath, backupDir, name: `ledger-2026-12-06T12-00-0${i}-000Z` });
      const after = maxId(databasePath);
      const copy = new Database(path.join(result.path, 'site.db'), { readonly: true });
      const { n, max } = copy.prepare('SELECT count(*) AS n, max(id) AS max FROM comments').get() as { n: number; max: number };
      copy.close();
      // One instant of the database: the ids run 1..max with none missing, from no earlier than the
      // start of the backup to no later than its end.
      expect(n).toBe(max);
      expect(max).toBeGreaterThanOrEqual(before);
      expect(max).toBeLessThanOrEqual(after);
      expect(result.tables.comments).toBe(n);
      expect(result.pictures).toBe(1);
      expect(fs.existsSync(path.join(result.path, 'media', `${'a'.repeat(64)}.jpg`))).toBe(true);
      // Variants are made again on request; they are not copied.
      expect(fs.existsSync(path.join(result.path, 'media', 'variants'))).toBe(false);
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(maxId(databasePath)).toBeGreaterThan(200);
    // A picture is stored once however many backups hold it: later ones hard-link the earlier file.
    const picture = `media/${'a'.repeat(64)}.jpg`;
    const [first, ...later] = fs.readdirSync(backupDir).sort();
    for (const name of later)
      expect(fs.statSync(path.join(backupDir, name, picture)).ino).toBe(fs.statSync(path.join(backupDir, first!, picture)).ino);
    expect(fs.statSync(path.join(backupDir, first!, picture)).nlink).toBe(5);
    // Only complete backups, under their own names.
    expect(fs.readdirSync(backupDir).filter((n) => n.includes('partial'))).toEqual([]);
  });
});

describe('restoring', () => {
  it('refuses while a server runs on the database, and says what to do', () => {
    const backup = path.join(backupDir, fs.readdirSync(backupDir).sort()[0]!);
    const folder = serversFolder(databasePath);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, String(process.pid)), '');
    try {
      expect(runningServers(databasePath)).toEqual([process.pid]);
      expect(() => restoreBackup({ backupPath: backup, databasePath, mediaPath })).toThrow(/A server is running on .* Stop it first/);
    } finally {
      fs.rmSync(path.join(folder, String(process.pid)));
    }
    // A process that has gone does not count, and its mark is tidied away.
    fs.writeFileSync(path.join(folder, '999999999'), '');
    expect(runningServers(databasePath)).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('puts the backup back, keeps the database it replaces, and brings back its pictures', () => {
    const backup = path.join(backupDir, fs.readdirSync(backupDir).sort()[0]!);
    const inBackup = readBackup(backup).tables.comments;
    const target = path.join(dir, 'restored', 'site.db');
    const targetMedia = path.join(dir, 'restored', 'media');
    makeDatabase(target);
    const done = restoreBackup({ backupPath: backup, databasePath: target, mediaPath: targetMedia, now: new Date('2026-12-06T13:00:00Z') });
    expect(maxId(target)).toBe(inBackup);
    expect(done.keptAs).toBe(`${target}.before-restore-2026-12-06T13-00-00-000Z`);
    expect(fs.existsSync(done.keptAs!)).toBe(true);
    expect(fs.readFileSync(path.join(targetMedia, `${'a'.repeat(64)}.jpg`), 'utf8')).toBe('a picture');
  });

  it('marks, in the restored database, its own backup as done and any other still running as cut short', () => {
    const live = path.join(dir, 'recorded', 'site.db');
    makeDatabase(live);
    const db = new Database(live);
    db.exec(`CREATE TABLE backups (id INTEGER PRIMARY KEY, status TEXT, path TEXT, started_at INTEGER, finished_at INTEGER, detail TEXT)`);
    const name = 'ledger-2026-12-06T14-00-00-000Z';
    db.prepare('INSERT INTO backups (status, path, started_at) VALUES (?, ?, ?), (?, ?, ?)').run(
      'running',
      path.join(dir, 'recorded-backups', name),
      1,
      'running',
      '/elsewhere/ledger-2026-12-06T13-00-00-000Z',
      1,
    );
    db.close();
    const result = writeBackup({ databasePath: live, mediaPath, backupDir: path.join(dir, 'recorded-backups'), name });
    const target = path.join(dir, 'recorded-restore', 'site.db');
    restoreBackup({ backupPath: result.path, databasePath: target, mediaPath: path.join(dir, 'recorded-restore', 'media') });
    const restored = new Database(target, { readonly: true });
    const rows = restored.prepare('SELECT status FROM backups ORDER BY id').all() as { status: string }[];
    restored.close();
    expect(rows.map((r) => r.status)).toEqual(['ok', 'failed']);
  });

  it('refuses a damaged or incomplete backup and leaves the database as it was', () => {
    const source = path.join(backupDir, fs.readdirSync(backupDir).sort()[0]!);
    const damaged = path.join(dir, 'damaged');
    fs.cpSync(source, damaged, { recursive: true });
    const file = path.join(damaged, 'site.db');
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 0, 100);
    fs.writeFileSync(file, bytes);
    const target = path.join(dir, 'kept', 'site.db');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    makeDatabase(target);
    expect(() => restoreBackup({ backupPath: damaged, databasePath: target, mediaPath })).toThrow();
    fs.rmSync(path.join(damaged, 'manifest.json'));
    expect(() => readBackup(damaged)).toThrow(/not a complete backup/);
    expect(maxId(target)).toBe(0);
    expect(fs.readdirSync(path.dirname(target)).filter((n) => n.includes('before-restore'))).toEqual([]);
  });
});
