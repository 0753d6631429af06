// Readers' data from the command line, through the same functions as My data and the dashboard.
//   npm run data -- export <email>    prints everything held for the address, as JSON
//   npm run data -- erase <email>     erases it (one transaction) and emails the owner a confirmation
// First: the modules below are the site's server modules, and erasure renders an email.
import './support/server-modules';
import { closeDb } from '../db';
import { prepareDatabase } from '../db/prepare';
import { deliverDuePurges } from '../lib/cache/purges';
import { env } from '../lib/env';
import { describeErased, eraseAddress } from '../lib/privacy/erase';
import { exportForStaff } from '../lib/privacy/holdings';

function usage(): never {
  console.error(`Usage:
  npm run data -- export <email>   print everything held for the address, as JSON
  npm run data -- erase <email>    erase it, and email its owner what was erased`);
  process.exit(2);
}

const [command, email, ...rest] = process.argv.slice(2);
if (!command || !email || rest.length > 0 || !email.includes('@')) usage();
prepareDatabase();
const actor = `cli:${process.env.USER ?? 'unknown'}`;

async function main(): Promise<void> {
  if (command === 'export') {
    process.stdout.write(`${JSON.stringify(exportForStaff(email!, { actor, site: env.SITE_NAME }), null, 2)}\n`);
  } else if (command === 'erase') {
    const erased = await eraseAddress(email!, { actor });
    console.error(
      erased.anything
        ? `Erased ${describeErased(erased)}. A confirmation is queued for the address; a running server sends it.`
        : 'Nothing was held for that address. Nothing was changed or sent.',
    );
    // The shared caches' purges for pages that showed the comments, before the database closes.
    await deliverDuePurges().catch((error: unknown) => console.error('[purges] not sent now; a server will send them:', error));
  } else usage();
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
