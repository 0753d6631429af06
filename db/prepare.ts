import { env } from '@/lib/env';
import { databasePath } from './index';
import { migrateDatabase } from './migrate';
import { seedDatabaseIfEmpty } from './seed';

/** The demo publication goes only into a site on this machine, or where SEED_DEMO=1 asks for it. */
export const shouldSeedDemo = (settings: { isLocalSite: boolean; SEED_DEMO: boolean } = env) => settings.isLocalSite || settings.SEED_DEMO;

/** Migrate, then seed the demo publication into an empty database where wanted. Safe on every start. */
export function prepareDatabase(): void {
  migrateDatabase();
  if (!shouldSeedDemo()) return;
  const result = seedDatabaseIfEmpty();
  if (result.seeded) console.log(`[db] seeded ${result.articles} demo articles into ${databasePath()}`);
}
