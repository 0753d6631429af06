export const SIGN_IN_SENT = 'Check your email for a sign-in link.';
