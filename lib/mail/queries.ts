import 'server-only';
import { count, eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { emailOutbox } from '@/db/schema';
import { env } from '@/lib/env';
import { clientIpFrom } from '@/lib/security/client';
import { isLoopback } from '@/lib/security/ip.mjs';
import { materialize } from './shared-emails';
import { isLocalMailbox } from './transport';

/**
 * /dev/mail exists only while mail stays on this machine and the site is a localhost site, and it
 * is shown only to a client on this machine: it holds sign-in links, so anyone who could read it
 * from elsewhere could sign in as staff.
 */
export function localMailboxOpenTo(
  clientIp: string,
  site: { localTransport: boolean; localSite: boolean } = { localTransport: isLocalMailbox(), localSite: env.isLocalSite },
): boolean {
  return site.localTransport && site.localSite && isLoopback(clientIp);
}

/** Whether the client of the request being answered may read the local mailbox. */
export async function mayReadLocalMailbox(): Promise<boolean> {
  return localMailboxOpenTo(clientIpFrom(await headers()));
}

/** One email as it was (or will be) sent: a newsletter copy is filled in from its shared email. */
export function getMailboxEmail({ id }: { id: number }) {
  const row = getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get();
  return row ? { ...row, ...materialize(row) } : null;
}

/** Counts for the dashboard: what is waiting, what failed. */
export function getOutboxCounts() {
  const rows = getDb().select({ status: emailOutbox.status, n: count() }).from(emailOutbox).groupBy(emailOutbox.status).all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<(typeof rows)[number]['status'], number>>;
}

export { listMailbox } from './admin';
