// `npm run restore -- <backup folder>`: puts a backup back into a stopped site (see README, "Backups").
import path from 'node:path';
import { restoreBackup } from '../db/backup.mjs';
import { databasePath } from '../db';
import { env } from '../lib/env';

const [folder] = process.argv.slice(2);
if (!folder) {
  console.error(`Usage: npm run restore -- <backup folder>   (the folders are in ${env.BACKUP_DIR})`);
  process.exit(2);
}
try {
  const done = restoreBackup({ backupPath: path.resolve(folder), databasePath: databasePath(), mediaPath: env.MEDIA_PATH });
  const rows = Object.values(done.tables).reduce((a, b) => a + b, 0);
  console.log(`Restored ${done.restored} into ${databasePath()}: ${rows} rows, ${done.pictures} pictures.`);
  if (done.keptAs) console.log(`The database it replaced is kept as ${done.keptAs}.`);
  console.log('Start the site again with npm start.');
} catch (error) {
  console.error(`Not restored: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
