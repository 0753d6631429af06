// One outbox deliverer in a process of its own, for the unit test "two deliverers on one database"
// (lib/mail/deliver.test.ts). It opens the database named by DATABASE_PATH, says "ready", waits
// for a line on stdin so that every deliverer starts at once, delivers until nothing is queued or
// sending, then prints what it sent as JSON.
//
//   tsx --conditions=react-server test/support/run-deliverer.ts
import { count, inArray } from 'drizzle-orm';
import { closeDb, getDb } from '../../db';
import { emailOutbox } from '../../db/schema';
import { deliverDueEmails } from '../../lib/mail/deliver';
import { deliverUntil } from './deliver-loop';

async function main() {
  const db = getDb();
  const unfinished = () =>
    db
      .select({ n: count() })
      .from(emailOutbox)
      .where(inArray(emailOutbox.status, ['queued', 'sending']))
      .get()!.n;
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const { sent, retry, failed } = await deliverUntil({ deliver: deliverDueEmails, done: () => unfinished() === 0 });
  process.stdout.write(`${JSON.stringify({ sent, retry, failed })}\n`);
  closeDb();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
