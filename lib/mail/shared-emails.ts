import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { sharedEmails, type OutboxEmail } from '@/db/schema';
import { checkHeaders, checkSubject } from './address';
import { InvalidEmailError } from './errors';
import type { RenderedEmail } from './render';

// Mass mail is rendered once into shared_emails with placeholders such as __UNSUB_TOKEN__, and
// each outbox row keeps only its recipient's values. The deliverer fills them in at send time.

/** Placeholders are upper-case words between double underscores; they survive URL encoding. */
export const isPlaceholder = (key: string) => /^__[A-Z][A-Z0-9_]*__$/.test(key);

export function createSharedEmail(tx: DbOrTx, email: RenderedEmail & { headers?: Record<string, string> }): number {
  const subjectProblem = checkSubject(email.subject);
  if (subjectProblem) throw new InvalidEmailError(subjectProblem);
  const headerProblem = checkHeaders(email.headers ?? {});
  if (headerProblem) throw new InvalidEmailError(headerProblem);
  return tx
    .insert(sharedEmails)
    .values({ subject: email.subject, html: email.html, text: email.text, headers: email.headers ?? {} })
    .returning({ id: sharedEmails.id })
    .get().id;
}

// Shared emails never change once written, so each process keeps the ones it has used.
const cache = new Map<number, typeof sharedEmails.$inferSelect>();
function sharedEmail(id: number) {
  let found = cache.get(id);
  if (!found) {
    found = getDb().select().from(sharedEmails).where(eq(sharedEmails.id, id)).get();
    if (!found) throw new Error(`shared email ${id} is missing`);
    if (cache.size > 100) cache.clear();
    cache.set(id, found);
  }
  return found;
}

function fill(text: string, vars: Record<string, string>): string {
  let out = text;
  for (const [key, value] of Object.entries(vars)) out = out.replaceAll(key, value);
  return out;
}

/** The email exactly as it goes out: the row itself, or its shared email with the row's values. */
export function materialize(row: OutboxEmail): { subject: string; html: string; text: string; headers: Record<string, string> } {
  if (row.sharedEmailId === null) return { subject: row.subject, html: row.html, text: row.text, headers: row.headers };
  const t = sharedEmail(row.sharedEmailId);
  const vars = row.vars ?? {};
  return {
    subject: fill(t.subject, vars),
    html: fill(t.html, vars),
    text: fill(t.text, vars),
    headers: Object.fromEntries(Object.entries({ ...t.headers, ...row.headers }).map(([k, v]) => [k, fill(v, vars)])),
  };
}
