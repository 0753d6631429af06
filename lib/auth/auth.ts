import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth from 'next-auth';
import type { EmailConfig } from 'next-auth/providers';
import { createElement } from 'react';
import { getDb } from '@/db';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import SignInLink, { signInLinkSubject } from '@/emails/sign-in-link';
import { env } from '@/lib/env';
import { brand, enqueueEmail, kickMailDelivery, renderEmail } from '@/lib/mail';
import { keyFor } from '@/lib/security/secret';
import { getStaffByEmail } from '@/lib/staff/queries';

export const SIGN_IN_LINK_MINUTES = 10;

/** Only a path on this site may follow sign-in; anything else goes to the dashboard. */
export function safeCallbackPath(raw: unknown): string {
  if (typeof raw !== 'string') return '/admin';
  try {
    const url = new URL(raw, env.SITE_URL);
    if (url.origin !== new URL(env.SITE_URL).origin) return '/admin';
    return url.pathname.startsWith('/admin') ? `${url.pathname}${url.search}` : '/admin';
  } catch {
    return '/admin';
  }
}

// Magic links go through the email outbox like every other email, not straight to a provider.
const emailProvider: EmailConfig = {
  id: 'email',
  type: 'email',
  name: 'Email',
  maxAge: SIGN_IN_LINK_MINUTES * 60,
  async sendVerificationRequest({ identifier, url }) {
    // The email links to a page with a Sign in button rather than to Auth.js's callback itself:
    // mail scanners that open links (and would use up the one-time token) do not press buttons.
    // Built on SITE_URL whatever Host the request claimed.
    const link = new URL(`/admin/sign-in/continue${new URL(url).search}`, env.SITE_URL).toString();
    // Rendered for every address, so the answer takes as long for a stranger as for staff and
    // its timing does not tell who is on the staff list.
    const email = await renderEmail(
      signInLinkSubject({ brand: brand() }),
      createElement(SignInLink, { brand: brand(), url: link, minutes: SIGN_IN_LINK_MINUTES }),
    );
    // Only staff get a link; everyone sees the same "check your email" screen.
    if (!getStaffByEmail(identifier)) return;
    getDb().transaction((tx) => enqueueEmail(tx, { kind: 'staff_sign_in', to: identifier, ...email }), { behavior: 'immediate' });
    kickMailDelivery();
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: DrizzleAdapter(getDb(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  // Database sessions: signing out, or being removed from staff, ends the session at once.
  session: { strategy: 'database', maxAge: 12 * 60 * 60, updateAge: 60 * 60 },
  providers: [emailProvider],
  secret: keyFor('auth'),
  trustHost: true,
  pages: { signIn: '/admin/sign-in', verifyRequest: '/admin/sign-in?sent=1', error: '/admin/sign-in' },
  callbacks: {
    // Checked again when the link is used: a link reaching a non-staff address signs nobody in.
    signIn({ user, email }) {
      if (email?.verificationRequest) return true;
      return Boolean(user.email && getStaffByEmail(user.email));
    },
    redirect({ url }) {
      return new URL(safeCallbackPath(url), env.SITE_URL).toString();
    },
  },
}));
