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

export const MANAGE_MESSAGES = {
  noSection:
    'Choose at least one section, or tick “All sections, including new ones”. To stop the newsletter altogether, use Unsubscribe below.',
  sameAddress: 'That is already the address your newsletter goes to. Enter the new one.',
  invalidLink: 'This subscription link is no longer valid. Use the “Manage your subscription” link in the newest email from us.',
  notSubscribed: 'This address is not subscribed to the newsletter any more, so there is nothing to change.',
  failure: 'Sorry, we could not do that just now. Please try again in a moment.',
} as const;

// What the address-change link's page says, by outcome.
export const ADDRESS_CHANGE_RESULTS = {
  expired: {
    title: 'This link has expired',
    text: 'Links to confirm a new address work for 48 hours. Ask again from your subscription page: the “Manage your subscription” link in any newsletter email.',
  },
  invalid: {
    title: 'This link is not valid',
    text: 'This link is not valid or has already been used. If your address has not changed yet, ask again from your subscription page: the “Manage your subscription” link in any newsletter email.',
  },
} as const;
