import type { Suite } from '../lib/suite';
import { reading } from './reading';

// In the order `npm run bench` runs them. Add a suite here (comment writes, email delivery,
// admin page timings…) and it runs with the others and by name.
export const suites: Suite[] = [reading];
