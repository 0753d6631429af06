// `npm run backup`: one backup now, while the site runs, into BACKUP_DIR (see README, "Backups").
import { closeDb } from '../db';
import { prepareDatabase } from '../db/prepare';
import { takeBackupNow } from '../lib/backup/runs';
import { env } from '../lib/env';

prepareDatabase();
try {
  const started = Date.now();
  const outcome = takeBackupNow();
  const rows = Object.values(outcome.tables).reduce((a, b) => a + b, 0);
  console.log(`Backed up to ${outcome.path} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  database: ${rows} rows in ${Object.keys(outcome.tables).length} tables; SQLite's integrity check: ok`);
  console.log(`  pictures: ${outcome.pictures}; ${(outcome.bytes / 1024 / 1024).toFixed(1)} MiB in all`);
  console.log(`  the newest ${env.BACKUP_KEEP} backups in ${env.BACKUP_DIR} are kept. Restore with: npm run restore -- ${outcome.path}`);
} catch (error) {
  console.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  closeDb();
}
