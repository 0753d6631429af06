// Stand-in for `next/cache` in unit tests only (aliased in vitest.config.mts).
//
// Outside Next's compiler a `'use cache'` directive is a plain string, so a cached read runs on
// every call and reads the real SQLite database; `cacheTag` and `cacheLife` need the cache scope
// Next sets up around such a function, and throw without it, so here they record nothing. Caching
// itself is tested end to end against the built site (e2e/caching.spec.ts), and the cache handler
// on its own (lib/cache/use-cache-handler.test.ts).

export function cacheTag(..._tags: string[]): void {}

export function cacheLife(_profile: string | { stale?: number; revalidate?: number; expire?: number }): void {}

export function revalidateTag(_tag: string, _profile?: string | { expire?: number }): void {}

export function revalidatePath(_path: string, _type?: 'page' | 'layout'): void {}
