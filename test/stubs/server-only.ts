// Stand-in for the `server-only` package in unit tests: that package throws on import unless the
// bundler resolves it with the react-server condition, which vitest does not.
export {};
