import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module (scripts/server.mjs runs without a TypeScript step)
import { restartDelay, serverProcesses } from './supervisor.mjs';

describe('WEB_CONCURRENCY', () => {
  it('is one process per core unless set, and refuses what is not a count', () => {
    expect(serverProcesses(undefined, 4)).toBe(4);
    expect(serverProcesses('', 2)).toBe(2);
    expect(serverProcesses(' 3 ', 2)).toBe(3);
    expect(serverProcesses('1', 8)).toBe(1);
    for (const bad of ['0', '-1', '1.5', 'auto', '65']) expect(() => serverProcesses(bad, 2), bad).toThrow(/WEB_CONCURRENCY must be/);
  });

  it('replaces a dead process at once, and slows down when they keep dying', () => {
    expect([1, 2, 3].map(restartDelay)).toEqual([0, 0, 0]);
    expect(restartDelay(4)).toBe(1000);
    expect(restartDelay(6)).toBe(4000);
    expect(restartDelay(20)).toBe(30_000);
  });
});
