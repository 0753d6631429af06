import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // The real package throws on import outside a React Server Components bundle.
      { find: /^server-only$/, replacement: path.join(root, 'test/stubs/server-only.ts') },
      // cacheTag and cacheLife need the cache scope of a running Next server and throw without
      // it, so unit tests (and only they) read straight through; see the stub for details.
      { find: /^next\/cache$/, replacement: path.join(root, 'test/stubs/next-cache.ts') },
    ],
  },
  test: {
    environment: 'node',
    include: ['**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', '.next/**', 'bench/**'],
    // Gives every test file its own fresh SQLite file (see the file for why it must run first).
    setupFiles: ['test/setup/fresh-database.ts'],
    // Each test file gets its own module graph, so lib/env is parsed again with its own path.
    isolate: true,
    pool: 'forks',
  },
});
