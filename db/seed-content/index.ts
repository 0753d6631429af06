import { articlesA } from './articles-a';
import { articlesB } from './articles-b';
import type { SeedArticle, SeedAuthor, SeedSection } from './types';

export type { SeedArticle, SeedAuthor, SeedSection } from './types';

export const seedSections: SeedSection[] = [
  {
    slug: 'digital-government',
    name: 'Digital Government',
    description: 'How national and devolved government builds, buys and runs its online services.',
  },
  {
    slug: 'procurement',
    name: 'Procurement',
    description: 'Frameworks, contracts, tenders and the money behind public-sector technology.',
  },
  {
    slug: 'local-councils',
    name: 'Local Councils',
    description: 'Technology in town halls: services, budgets and the people who run them.',
  },
  {
    slug: 'cyber-security',
    name: 'Cyber Security',
    description: 'Attacks, defences and the recovery work that follows, across the public sector.',
  },
  {
    slug: 'data',
    name: 'Data',
    description: 'Open data, data sharing, statistics and the rules that govern them.',
  },
  {
    slug: 'health-it',
    name: 'Health IT',
    description: 'Records, portals and systems in hospitals, clinics and care.',
  },
];

export const seedAuthors: SeedAuthor[] = [
  {
    slug: 'maya-okafor',
    name: 'Maya Okafor',
    role: 'Digital government editor',
    bio: 'Maya has covered government technology for eleven years, from the first service standards to the latest identity schemes. Before journalism she built forms for a tax office, and still reads every privacy notice she is given.',
  },
  {
    slug: 'tom-lindqvist',
    name: 'Tom Lindqvist',
    role: 'Procurement correspondent',
    bio: 'Tom follows the money: frameworks, tenders, contract notices and the occasional court challenge. He keeps a spreadsheet of every public IT contract over a million pounds and will share it if you ask nicely.',
  },
  {
    slug: 'priya-raman',
    name: 'Priya Raman',
    role: 'Cyber security reporter',
    bio: 'Priya reports on attacks against public bodies and the long, expensive recoveries that follow. She trained as a network engineer and has sat through more incident reviews than she can count.',
  },
  {
    slug: 'hannah-kerr',
    name: 'Hannah Kerr',
    role: 'Local government reporter',
    bio: 'Hannah writes about councils, from county halls to parish websites. She spent six years on a regional daily and believes the best stories are buried in committee papers.',
  },
  {
    slug: 'samuel-ortiz',
    name: 'Samuel Ortiz',
    role: 'Data and health IT correspondent',
    bio: 'Samuel covers open data, statistics and the systems behind the health service. He studied epidemiology, then discovered he preferred interrogating datasets to collecting them.',
  },
];

export const seedArticles: SeedArticle[] = [...articlesA, ...articlesB];
