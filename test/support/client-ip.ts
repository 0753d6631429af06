import { randomInt } from 'node:crypto';

// Client addresses for X-Forwarded-For. Per-IP limits (one comment per IP in 15 s, ten sign-ups an
// hour) count the last entry, so every simulated reader gets an address no other reader of the
// run has. All are private addresses, in 10.0.0.0/8.

const SPACE = 2 ** 24;
/** Lanes split the space, so parallel processes (Playwright workers) never hand out the same address. */
const LANES = 16;
const LANE_SIZE = SPACE / LANES;

/** The n-th address of 10.0.0.0/8 (10.x.y.z); distinct for every n from 0 to 16,777,215. */
export function clientIp(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= SPACE) throw new Error(`no client address number ${n}`);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

// A random start: a restarted worker (same lane, fresh counter) does not hand out its
// predecessor's addresses again.
let next = randomInt(LANE_SIZE);

/**
 * An address nobody else in the run uses: each call in a process gives the next one of its lane.
 * Give each parallel process its own lane (a Playwright worker: testInfo.parallelIndex).
 */
export function uniqueClientIp(lane = 0): string {
  next = (next + 1) % LANE_SIZE;
  return clientIp((lane % LANES) * LANE_SIZE + next);
}
