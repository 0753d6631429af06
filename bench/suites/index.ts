import type { Suite } from '../lib/suite';
import { reading } from './reading';

// In the order `npm run bench` runs them; each also runs by name (`npm run bench -- reading`).
export const suites: Suite[] = [reading];
