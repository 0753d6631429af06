import { describe, expect, it } from 'vitest';
import { batchTags, purgeDelayMs, PURGE_MAX_DELAY_MS } from './purge-rules';

describe('purge retries', () => {
  it('doubles from a second up to five minutes, and never gives up', () => {
    expect([1, 2, 3, 4].map(purgeDelayMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(purgeDelayMs(9)).toBe(256_000);
    expect(purgeDelayMs(10)).toBe(PURGE_MAX_DELAY_MS);
    expect(purgeDelayMs(1000)).toBe(PURGE_MAX_DELAY_MS);
  });
});

describe('purge batches', () => {
  it('keeps every tag, in order, in batches whose header fits the limit', () => {
    const tags = Array.from({ length: 100 }, (_, i) => `article:a-rather-long-slug-for-article-number-${i}`);
    const batches = batchTags(tags, 500);
    expect(batches.flat()).toEqual(tags);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(Buffer.byteLength(batch.join(' '))).toBeLessThanOrEqual(500);
    // Full batches: the next tag would not have fitted.
    for (const [i, batch] of batches.slice(0, -1).entries()) {
      expect(Buffer.byteLength([...batch, batches[i + 1]![0]].join(' '))).toBeGreaterThan(500);
    }
  });

  it('sends a tag longer than the limit on its own rather than dropping it', () => {
    expect(batchTags(['x'.repeat(20), 'a', 'b'], 10)).toEqual([['x'.repeat(20)], ['a', 'b']]);
    expect(batchTags([])).toEqual([]);
  });
});
