import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Runs before each test file is imported. lib/env parses process.env when it is first imported,
// so DATABASE_PATH must point at this file's own database before anything imports lib/env or db/.
// The file is a real SQLite database (created empty on first use); tests that need tables call
// migrateDatabase(), and those that need content call seedDatabaseIfEmpty().
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-unit-'));
process.env.DATABASE_PATH = path.join(dir, 'site.db');

afterAll(async () => {
  // Imported here, not at the top, so that the import happens after DATABASE_PATH is set.
  const { closeDb } = await import('@/db');
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
