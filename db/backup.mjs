// Backups of the site's data: the SQLite database and the uploaded pictures, taken while the site
// serves and takes writes, checked, and restored into a stopped site.
//
// The database is copied with `VACUUM INTO`, which reads it inside one read transaction: the copy
// is the database as it was at one instant, every committed write before it and none after, and
// in WAL mode writers carry on meanwhile. Pictures are content-addressed files that never change
// once written, so copying the originals (not the resized variants, which are made again on
// request) after the database holds every picture the copy names. A backup is written under a
// hidden name and renamed when complete and checked, so a folder named `ledger-…` is always whole.
//
// Plain JavaScript with no import from the app: `npm run backup` and `npm run restore`
// (scripts/backup.ts, scripts/restore.ts) call it in their own process, and a server runs it in a
// child process (scripts/backup-child.mjs) so a long copy never holds up its requests.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const MANIFEST = 'manifest.json';
const DATABASE_FILE = 'site.db';
const MEDIA_FOLDER = 'media';

/** Rows per table of a database file (its own tables, not SQLite's or the search index's shadows). */
function rowCounts(db) {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name`)
    .all();
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT count(*) AS n FROM "${name}"`).get().n]));
}

/** Opens a database file read-only and checks it; throws with SQLite's own words if it is damaged. */
export function checkDatabase(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const problems = db.pragma('integrity_check').map((row) => row.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok')
      throw new Error(`${file} failed SQLite's integrity check: ${problems.slice(0, 3).join('; ')}`);
    return rowCounts(db);
  } finally {
    db.close();
  }
}

/**
 * Copies the original pictures (not `variants/`) from one folder to another; returns how many. A
 * picture's name is its content's hash, so one already in `shared` (the previous backup's pictures)
 * is the same file: it is hard-linked rather than copied, and a week of daily backups stores each
 * picture once.
 */
function copyPictures(from, to, shared = null) {
  fs.mkdirSync(to, { recursive: true });
  if (!fs.existsSync(from)) return 0;
  let copied = 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    // Not an upload still being written (`<name>.<pid>.<uuid>.tmp`, renamed when complete).
    if (!entry.isFile() || entry.name.startsWith('.') || entry.name.endsWith('.tmp')) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    try {
      if (!(shared && linkedFrom(path.join(shared, entry.name), source, target))) {
        fs.copyFileSync(source, target, fs.constants.COPYFILE_FICLONE);
      }
    } catch (error) {
      // A picture deleted from the library while the backup ran: the database copy, taken first,
      // may name it, as a library deletion in the next minute would leave it anyway.
      if (error.code === 'ENOENT') continue;
      throw error;
    }
    copied += 1;
  }
  return copied;
}

/** Hard-links `earlier` to `target` when it is the same picture (same size); false when it cannot. */
function linkedFrom(earlier, source, target) {
  try {
    if (fs.statSync(earlier).size !== fs.statSync(source).size) return false;
    fs.linkSync(earlier, target);
    return true;
  } catch {
    return false;
  }
}

/** The pictures folder of the newest complete backup in a folder, if any. */
function previousPictures(backupDir) {
  if (!fs.existsSync(backupDir)) return null;
  const names = fs
    .readdirSync(backupDir)
    .filter((n) => n.startsWith('ledger-') && fs.existsSync(path.join(backupDir, n, MANIFEST)))
    .sort();
  return names.length > 0 ? path.join(backupDir, names.at(-1), MEDIA_FOLDER) : null;
}

function folderBytes(folder) {
  let bytes = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    bytes += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return bytes;
}

/**
 * Writes a backup folder `<backupDir>/<name>` holding `site.db`, `media/` and `manifest.json` (the
 * copy's rows per table and pictures, which a restore checks again), after SQLite's integrity check
 * of the copy. Returns where it went and what it holds.
 */
export function writeBackup({ databasePath, mediaPath, backupDir, name }) {
  const final = path.join(backupDir, name);
  const partial = path.join(backupDir, `.${name}.partial`);
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  try {
    const source = new Database(databasePath, { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      source.prepare('VACUUM INTO ?').run(path.join(partial, DATABASE_FILE));
    } finally {
      source.close();
    }
    const pictures = copyPictures(mediaPath, path.join(partial, MEDIA_FOLDER), previousPictures(backupDir));
    const tables = checkDatabase(path.join(partial, DATABASE_FILE));
    const manifest = { name, createdAt: new Date().toISOString(), database: path.resolve(databasePath), tables, pictures };
    fs.writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const bytes = folderBytes(partial);
    fs.renameSync(partial, final);
    return { path: final, bytes, tables, pictures };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Removes the backups `names` (folder names in backupDir, already chosen by the rotation rule). */
export function removeBackups(backupDir, names) {
  for (const name of names) fs.rmSync(path.join(backupDir, name), { recursive: true, force: true });
}

/** The folder of each server process running on a database: one file per process, named by its pid. */
export function serversFolder(databasePath) {
  return `${path.resolve(databasePath)}.servers`;
}

/**
 * Marks this process as a server on the database until it exits, so that `npm run restore`
 * refuses to replace the file under it.
 */
export function registerServer(databasePath) {
  const folder = serversFolder(databasePath);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, String(process.pid));
  fs.writeFileSync(file, `${new Date().toISOString()}\n`);
  process.once('exit', () => fs.rmSync(file, { force: true }));
}

/** The pids of the server processes still alive on a database (files of dead ones are removed). */
export function runningServers(databasePath) {
  const folder = serversFolder(databasePath);
  if (!fs.existsSync(folder)) return [];
  const alive = [];
  for (const name of fs.readdirSync(folder)) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    try {
      process.kill(pid, 0);
      alive.push(pid);
    } catch (error) {
      if (error.code === 'EPERM') alive.push(pid);
      else fs.rmSync(path.join(folder, name), { force: true });
    }
  }
  return alive;
}

/** Reads and checks a backup folder; throws with what is wrong with it. */
export function readBackup(folder) {
  const manifestFile = path.join(folder, MANIFEST);
  if (!fs.existsSync(manifestFile)) throw new Error(`${folder} is not a complete backup: it has no ${MANIFEST}.`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const tables = checkDatabase(path.join(folder, DATABASE_FILE));
  for (const [table, rows] of Object.entries(manifest.tables ?? {})) {
    if (tables[table] !== rows) throw new Error(`${folder}: the table ${table} holds ${tables[table]} rows, the manifest says ${rows}.`);
  }
  return { manifest, tables };
}

/**
 * The copy was taken while its own backup (and perhaps another) was recorded as running: in the
 * restored database, the one restored is marked done and any other is marked cut short, so the
 * dashboard and the schedule do not wait for them.
 */
function settleBackupRows(file, name) {
  const db = new Database(file);
  try {
    const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'backups'`).get();
    if (!hasTable) return;
    db.prepare(
      `UPDATE backups SET status = CASE WHEN path LIKE '%' || ? THEN 'ok' ELSE 'failed' END,
         finished_at = coalesce(finished_at, started_at),
         detail = CASE WHEN path LIKE '%' || ? THEN 'restored from this backup' ELSE 'cut short: the site was restored from a backup taken while it ran' END
       WHERE status = 'running'`,
    ).run(name, name);
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Puts a backup back: refuses while a server runs on the database; keeps the current database as
 * `<file>.before-restore-<time>`; replaces it (and drops its WAL files) with the backup's copy; adds
 * the backup's pictures to the media folder. Returns what it did.
 */
export function restoreBackup({ backupPath, databasePath, mediaPath, now = new Date() }) {
  const servers = runningServers(databasePath);
  if (servers.length > 0) {
    throw new Error(
      `A server is running on ${databasePath} (process ${servers.join(', ')}). Stop it first (Ctrl-C where npm start runs, or stop its service), then run the restore again.`,
    );
  }
  const { manifest, tables } = readBackup(backupPath);
  const target = path.resolve(databasePath);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let keptAs = null;
  if (fs.existsSync(target)) {
    // Fold the WAL into the file first, so the kept copy is whole on its own.
    const current = new Database(target);
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, keptAs);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  const incoming = `${target}.restoring`;
  fs.copyFileSync(path.join(backupPath, DATABASE_FILE), incoming);
  settleBackupRows(incoming, manifest.name);
  fs.renameSync(incoming, target);
  const pictures = copyPictures(path.join(backupPath, MEDIA_FOLDER), mediaPath);
  return { restored: manifest.name, keptAs, tables, pictures };
}
