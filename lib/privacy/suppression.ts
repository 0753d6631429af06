import 'server-only';
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { emailSuppressions } from '@/db/schema';
import { keyFor } from '@/lib/security/secret';

// The suppression list: erased addresses, kept only as a keyed hash (HMAC-SHA256 under a key
// derived from AUTH_SECRET), so the list cannot be read back into addresses, yet an address can be
// checked against it. Rotating AUTH_SECRET empties it in effect: keep the secret with the database.

function hashOf(email: string, kind: string): string {
  return createHmac('sha256', keyFor('erasure-hashes')).update(`${kind}\n${email.trim().toLowerCase()}`).digest('hex');
}

export const suppressionHash = (email: string) => hashOf(email, 'suppression');

/** The blocklist value that keeps an erased address blocked (lib/comments/store.ts checks it too). */
export const erasedBlockValue = (email: string) => `erased:${hashOf(email, 'blocklist')}`;

export function suppress(tx: DbOrTx, email: string, reason: string, now = new Date()): void {
  tx.insert(emailSuppressions)
    .values({ hash: suppressionHash(email), reason, createdAt: now })
    .onConflictDoNothing()
    .run();
}

export function isSuppressed(tx: DbOrTx, email: string): boolean {
  return Boolean(
    tx
      .select({ hash: emailSuppressions.hash })
      .from(emailSuppressions)
      .where(eq(emailSuppressions.hash, suppressionHash(email)))
      .get(),
  );
}

/** New consent, given through the double opt-in from the address itself, lifts the entry. */
export function liftSuppression(tx: DbOrTx, email: string): void {
  tx.delete(emailSuppressions)
    .where(eq(emailSuppressions.hash, suppressionHash(email)))
    .run();
}

/** For the dashboard, which reads no table itself. */
export const isAddressSuppressed = (email: string) => isSuppressed(getDb(), email);
