import { describe, expect, it } from 'vitest';
import { diffLines } from './diff';

describe('diffLines', () => {
  it('marks removed and added lines, keeping the rest', () => {
    expect(diffLines('one\ntwo\nthree', 'one\n2\nthree\nfour')).toEqual([
      { kind: 'same', text: 'one' },
      { kind: 'removed', text: 'two' },
      { kind: 'added', text: '2' },
      { kind: 'same', text: 'three' },
      { kind: 'added', text: 'four' },
    ]);
  });

  it('says nothing changed for the same text', () => {
    expect(diffLines('a\nb', 'a\nb')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'same', text: 'b' },
    ]);
  });

  it('rebuilds both texts from its lines', () => {
    const before = 'intro\nalpha\nbeta\ngamma\noutro';
    const after = 'intro\nbeta\ndelta\ngamma\nepsilon\noutro';
    const lines = diffLines(before, after);
    expect(
      lines
        .filter((l) => l.kind !== 'added')
        .map((l) => l.text)
        .join('\n'),
    ).toBe(before);
    expect(
      lines
        .filter((l) => l.kind !== 'removed')
        .map((l) => l.text)
        .join('\n'),
    ).toBe(after);
  });

  it('shows a huge rewrite as replaced, without building a huge table', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}`).join('\n');
    const after = Array.from({ length: 3000 }, (_, i) => `new ${i}`).join('\n');
    const lines = diffLines(`top\n${before}`, `top\n${after}`);
    expect(lines[0]).toEqual({ kind: 'same', text: 'top' });
    expect(lines.filter((l) => l.kind === 'removed')).toHaveLength(3000);
    expect(lines.filter((l) => l.kind === 'added')).toHaveLength(3000);
  });
});
