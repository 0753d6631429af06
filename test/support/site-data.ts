import { randomUUID } from 'node:crypto';
import { sessions, users, type StaffRole } from '../../db/schema';
import type { SiteDb } from './site-db';

// Rows that specs and benchmarks put straight into a site's database when what they test comes
// after them: a staff member and a signed-in session (sign-in itself has journeys of its own).

/** Auth.js's session cookie on an http:// site (on https it gets the __Secure- prefix). */
export const SESSION_COOKIE = 'authjs.session-token';

/** Adds (or changes the role of) a staff member, as `npm run staff -- add` does. Returns the user id. */
export function addStaffMember(db: SiteDb, email: string, role: StaffRole | null, { name }: { name?: string } = {}): string {
  return db
    .insert(users)
    .values({ id: randomUUID(), email: email.toLowerCase(), role, name })
    .onConflictDoUpdate({ target: users.email, set: { role } })
    .returning({ id: users.id })
    .get().id;
}

/**
 * A database session for a user, as Auth.js writes one when a magic link is used, so a test can
 * start signed in without spending the per-IP sign-in allowance. Returns the session token.
 */
export function createSession(db: SiteDb, userId: string, { expiresInMs = 12 * 60 * 60 * 1000 } = {}): string {
  const sessionToken = randomUUID();
  db.insert(sessions)
    .values({ sessionToken, userId, expires: new Date(Date.now() + expiresInMs) })
    .run();
  return sessionToken;
}

/** The Cookie header of a request made with `token`'s session. */
export const sessionCookie = (token: string) => `${SESSION_COOKIE}=${token}`;
