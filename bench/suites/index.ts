import type { Suite } from '../lib/suite';
import { admin } from './admin';
import { comments } from './comments';
import { lighthouseSuite } from './lighthouse';
import { mail } from './mail';
import { newsletter } from './newsletter';
import { newsroom } from './newsroom';
import { reading } from './reading';
import { signups } from './signups';
import { tiers } from './tiers';

// In the order `npm run bench` runs them; each also runs by name (`npm run bench -- mail`).
// Lighthouse runs a browser per page and form factor, for minutes, and tiers needs Varnish and nginx
// installed: by name only (`npm run bench -- lighthouse`, `npm run bench -- tiers`).
export const suites: Suite[] = [reading, newsroom, comments, mail, signups, admin, newsletter];
export const namedOnly: Suite[] = [lighthouseSuite, tiers];
