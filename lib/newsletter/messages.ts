// What the newsletter's token pages say, by outcome.
export const CONFIRM_RESULTS = {
  confirmed: { title: 'Subscription confirmed', text: 'Thank you! Your subscription has been confirmed.', offerNewLink: false },
  'already-confirmed': {
    title: 'Already confirmed',
    text: 'Your subscription is already confirmed. There is nothing more to do.',
    offerNewLink: false,
  },
  expired: {
    title: 'This link has expired',
    text: 'Confirmation links work for 48 hours. Enter your email address below and we will send you a new one.',
    offerNewLink: true,
  },
  invalid: {
    title: 'This link is not valid',
    text: 'This confirmation link is not valid or has already been used. Enter your email address below and we will send you a new one.',
    offerNewLink: true,
  },
} as const;

export type ConfirmResult = keyof typeof CONFIRM_RESULTS;
export const isConfirmResult = (v: unknown): v is ConfirmResult => typeof v === 'string' && v in CONFIRM_RESULTS;

export const NEWSLETTER_MESSAGES = {
  success: 'Almost done: check your inbox to confirm your subscription.',
  ipLimit: 'Too many sign-ups have come from your network in the last hour. Please try again later.',
  addressLimit:
    'We have already sent several confirmation emails to this address today. Please check your inbox and spam folder, or try again tomorrow.',
  failure: 'Sorry, we could not sign you up just now. Please try again in a moment.',
} as const;
