export const RACE_MARGIN_MS: number;
export function syncTagClock(force?: boolean): void;
export function lastInvalidated(tags: Iterable<string>): number;
export function changedSince(tags: Iterable<string>, since: number, options?: { fresh?: boolean }): boolean;
export function invalidateTags(tags: string[]): void;
