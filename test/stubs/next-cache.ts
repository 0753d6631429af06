// Stand-in for `next/cache` in unit tests only (aliased in vitest.config.mts).
//
// `unstable_cache` looks up the incremental cache of a running Next server and throws
// "Invariant: incrementalCache missing" without one, so here it is the identity: every call reads
// the real SQLite database. Caching itself is tested end to end against `next start`
// (e2e/caching.spec.ts). Tag invalidation has no cache to drop here, so it records nothing.

type AnyFunction = (...args: never[]) => Promise<unknown>;

export function unstable_cache<T extends AnyFunction>(
  fn: T,
  _keyParts?: string[],
  _options?: { tags?: string[]; revalidate?: number | false },
): T {
  return fn;
}

export function revalidateTag(_tag: string, _profile?: string | { expire?: number }): void {}

export function revalidatePath(_path: string, _type?: 'page' | 'layout'): void {}
