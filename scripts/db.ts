// The database by hand; `npm start` does both on its own.
//   npm run db:migrate   apply the committed migrations this database has not seen
//   npm run db:seed      put the demo publication, with its pictures, into an empty database (never over real content)
import { closeDb, databasePath } from '../db';
import { migrateDatabase } from '../db/migrate';
import { seedDatabaseIfEmpty } from '../db/seed';
import { seedDemoImages } from '../db/seed-images';

const command = process.argv[2];
if (command !== 'migrate' && command !== 'seed') {
  console.error('Usage: npm run db:migrate | npm run db:seed');
  process.exit(2);
}

async function main() {
  migrateDatabase();
  if (command === 'migrate') {
    console.log(`${databasePath()} is migrated.`);
    return;
  }
  const result = seedDatabaseIfEmpty();
  console.log(
    result.seeded
      ? `Seeded ${result.articles} demo articles into ${databasePath()}.`
      : `${databasePath()} already has content; nothing seeded.`,
  );
  // Also on a database seeded earlier (by `npm run staff`, say) whose demo articles have no pictures yet.
  const pictures = await seedDemoImages();
  if (pictures.pictures) console.log(`Drew ${pictures.pictures} demo pictures for ${pictures.articles} articles.`);
}

// Not top-level await: tsx runs this file as CommonJS.
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(closeDb);
