#!/usr/bin/env node
// A server's scheduled backup, in a process of its own (lib/backup/runs.ts starts it):
// `node scripts/backup-child.mjs '{"databasePath":…,"mediaPath":…,"backupDir":…,"name":…}'` writes
// one backup with db/backup.mjs and prints its result, or `{"error":…}`, as one line of JSON.
import { writeBackup } from '../db/backup.mjs';

try {
  const result = writeBackup(JSON.parse(process.argv[2] ?? '{}'));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  process.exitCode = 1;
}
