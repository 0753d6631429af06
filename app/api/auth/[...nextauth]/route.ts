import { handlers } from '@/lib/auth/auth';

// GET only: the emailed link (/callback/email), the CSRF token and the session read. Asking for a
// link goes through the dashboard's own action, which throttles per address and per IP; Auth.js's
// POST /signin/email would send a link with no throttle at all. Signing out is a server action
// too, and both call Auth.js in-process, not through this route.
export const { GET } = handlers;
