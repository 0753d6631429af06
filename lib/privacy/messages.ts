// What the My data pages say, shared by the actions and the pages (and asserted by the journeys).

export const MY_DATA_MESSAGES = {
  sent: 'If we hold anything for this address, a link is on its way. It works once, for one hour.',
  ipLimit: 'Too many requests from your connection. Please try again in an hour.',
  addressLimit: 'We have already sent this address three links today. Please use one of those, or try again tomorrow.',
  failure: 'Something went wrong on our side and nothing was sent. Please try again in a minute.',
} as const;

export const LINK_STATES = {
  used: {
    title: 'This link has been used',
    text: 'Each link works once. Ask for a new one: it comes to the same address within a minute.',
  },
  expired: {
    title: 'This link has expired',
    text: 'Links work for one hour. Ask for a new one: it comes to the same address within a minute.',
  },
  invalid: {
    title: 'This link does not work',
    text: 'It may be incomplete: check that you copied all of it, or ask for a new one.',
  },
} as const;
