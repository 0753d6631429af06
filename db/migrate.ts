import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { getDb } from './index';

export const migrationsFolder = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations');

/** Applies the committed SQL migrations that this database has not seen yet. */
export function migrateDatabase(): void {
  migrate(getDb(), { migrationsFolder });
}
