// Demo reader comments, all approved. Emails use example.com: they are private and never shown.
export interface SeedComment {
  key: string;
  article: string;
  replyTo?: string;
  name: string;
  email: string;
  website?: string;
  body: string;
  /** Hours after the article's publication. */
  hoursAfter: number;
}

export const seedComments: SeedComment[] = [
  {
    key: 'govpass-1',
    article: 'govpass-identity-app-passes-five-million-users',
    name: 'Ruth Calloway',
    email: 'ruth.calloway@example.com',
    body: 'Five million is impressive, but how many of those people finished the face check on the first attempt? The article does not say, and that is the number that matters to anyone at a counter helping people who gave up.',
    hoursAfter: 3,
  },
  {
    key: 'govpass-2',
    article: 'govpass-identity-app-passes-five-million-users',
    replyTo: 'govpass-1',
    name: 'Dev Malhotra',
    email: 'dev.m@example.com',
    website: 'https://example.org/dev',
    body: 'The programme published completion figures last quarter: roughly two in three on the first try. Better than the old paper route, still a long way from good.\n\nhttps://example.org/govpass-quarterly',
    hoursAfter: 5,
  },
  {
    key: 'govpass-3',
    article: 'govpass-identity-app-passes-five-million-users',
    replyTo: 'govpass-2',
    name: 'Ruth Calloway',
    email: 'ruth.calloway@example.com',
    body: 'Thanks, I had missed that. Two in three is roughly what we see at the library desk too.',
    hoursAfter: 7,
  },
  {
    key: 'payroll-1',
    article: 'ashcombe-county-council-moves-payroll-to-cloud',
    name: 'Graham Pike',
    email: 'g.pike@example.com',
    body: 'We did the same move at a district council two years ago. Budget for parallel running: we needed three full pay cycles, not the one the supplier suggested.',
    hoursAfter: 20,
  },
  {
    key: 'payroll-2',
    article: 'ashcombe-county-council-moves-payroll-to-cloud',
    name: 'Ifeoma Obi',
    email: 'ifeoma@example.com',
    body: 'Good to see the contract value published for once. Does anyone know whether the exit clauses were made public too?',
    hoursAfter: 30,
  },
  {
    key: 'opendata-1',
    article: 'national-address-register-released-as-open-data',
    name: 'Callum Reid',
    email: 'callum.reid@example.com',
    body: 'This will save our small charity a licence fee we could never really afford. Thank you for covering it.',
    hoursAfter: 2,
  },
];
