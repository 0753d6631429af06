// The database by hand; `npm start` does both on its own.
//   npm run db:migrate   apply the committed migrations this database has not seen
//   npm run db:seed      put the demo publication into an empty database (never over real content)
import { closeDb, databasePath } from '../db';
import { migrateDatabase } from '../db/migrate';
import { seedDatabaseIfEmpty } from '../db/seed';

const command = process.argv[2];
if (command !== 'migrate' && command !== 'seed') {
  console.error('Usage: npm run db:migrate | npm run db:seed');
  process.exit(2);
}
migrateDatabase();
if (command === 'migrate') {
  console.log(`${databasePath()} is migrated.`);
} else {
  const result = seedDatabaseIfEmpty();
  console.log(
    result.seeded
      ? `Seeded ${result.articles} demo articles into ${databasePath()}.`
      : `${databasePath()} already has content; nothing seeded.`,
  );
}
closeDb();
