import { expect } from '@playwright/test';

// What must never reach a reader, whatever they typed: database errors and stack traces.
const LEAKS: [string, RegExp][] = [
  ['an SQLite error code', /SQLITE/],
  ['an SqliteError', /SqliteError/i],
  ['an FTS5 message', /fts5/i],
  ['a stack frame', /\bat (?:async )?[\w$.<>[\]]+ \((?:\/|file:|node:|webpack|turbopack|[A-Za-z]:\\)[^)\n]*:\d+:\d+\)/],
  ['a stack frame without a function name', /\bat (?:\/|file:\/\/|node:)[^\s)]*:\d+:\d+/],
];

export function expectNoInternals(body: string, where: string): void {
  for (const [what, pattern] of LEAKS) {
    const found = pattern.exec(body);
    expect(found, `${where} shows ${what}: …${found ? body.slice(Math.max(0, found.index - 80), found.index + 80) : ''}…`).toBeNull();
  }
}
