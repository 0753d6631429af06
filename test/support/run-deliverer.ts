// One outbox deliverer in a process of its own, for the unit test "two deliverers on one database"
// (lib/mail/deliver.test.ts). It opens the database named by DATABASE_PATH, says "ready", waits
// for a line on stdin so that every deliverer starts at once, delivers until nothing is queued or
// sending, then prints what it sent as JSON.
//
//   tsx --conditions=react-server test/support/run-deliverer.ts
import { closeDb, getDb } from '../../db';
import { deliverDueEmails, type DeliveryReport } from '../../lib/mail/deliver';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const db = getDb();
  const unfinished = db.$client.prepare<[], { n: number }>(`SELECT count(*) AS n FROM email_outbox WHERE status IN ('queued', 'sending')`);
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const total: DeliveryReport = { sent: 0, retry: 0, failed: 0 };
  for (;;) {
    const report = await deliverDueEmails();
    total.sent += report.sent;
    total.retry += report.retry;
    total.failed += report.failed;
    if (unfinished.get()!.n === 0) break;
    await sleep(10);
  }
  process.stdout.write(`${JSON.stringify(total)}\n`);
  closeDb();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
