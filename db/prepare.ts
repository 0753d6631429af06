import { env } from '@/lib/env';
import { databasePath } from './index';
import { migrateDatabase } from './migrate';
import { seedDatabaseIfEmpty } from './seed';
import { seedDemoImages } from './seed-images';

/** The demo publication goes only into a site on this machine, or where SEED_DEMO=1 asks for it. */
export const shouldSeedDemo = (settings: { isLocalSite: boolean; SEED_DEMO: boolean } = env) => settings.isLocalSite || settings.SEED_DEMO;

/** Migrate, then seed the demo publication into an empty database where wanted. Safe on every start. */
export function prepareDatabase(): void {
  migrateDatabase();
  if (!shouldSeedDemo()) return;
  const result = seedDatabaseIfEmpty();
  if (result.seeded) console.log(`[db] seeded ${result.articles} demo articles into ${databasePath()}`);
}

/**
 * Then the demo's pictures, where the demo is wanted. Separate because drawing them is async
 * (sharp) while prepareDatabase stays synchronous for the command-line tools that call it; those
 * leave the pictures to the next start, since seedDemoImages looks at what the database holds, not
 * at whether the seed ran just now. Safe on every start: it does nothing once any demo article
 * has a picture.
 */
export async function prepareDemoImages(): Promise<void> {
  if (!shouldSeedDemo()) return;
  const result = await seedDemoImages();
  if (result.pictures) console.log(`[db] drew ${result.pictures} demo pictures for ${result.articles} articles`);
}
