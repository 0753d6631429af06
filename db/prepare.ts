import { databasePath } from './index';
import { migrateDatabase } from './migrate';
import { seedDatabaseIfEmpty } from './seed';

/** Migrate, then seed the demo publication when the database is empty. Safe to run on every start. */
export function prepareDatabase(): void {
  migrateDatabase();
  const result = seedDatabaseIfEmpty();
  if (result.seeded) console.log(`[db] seeded ${result.articles} demo articles into ${databasePath()}`);
}
