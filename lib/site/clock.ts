import 'server-only';
import { readFileSync } from 'node:fs';
import { env } from '@/lib/env';

/**
 * The newsroom's "now" for publishing: when a scheduled article goes live, and what counts as
 * live in reader queries. It is the real time, unless TEST_CLOCK_FILE names a file holding an ISO
 * time (tests set it to see a schedule come due without waiting).
 */
export function newsroomNow(): Date {
  if (!env.TEST_CLOCK_FILE) return new Date();
  try {
    const text = readFileSync(env.TEST_CLOCK_FILE, 'utf8').trim();
    const at = text === '' ? NaN : Date.parse(text);
    return Number.isNaN(at) ? new Date() : new Date(at);
  } catch {
    return new Date();
  }
}
