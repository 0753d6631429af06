// A line diff (longest common subsequence), for comparing a revision with the current text.

const MAX_CELLS = 4_000_000;

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** Lines of `before` and `after`, each marked kept, removed (only in before) or added (only in after). */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Common head and tail are kept as they are, so the table below covers only the changed middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  // The table costs x·y cells: past a few million (two long texts rewritten throughout) the middle
  // is shown as replaced, rather than a page that takes the server's memory.
  if (x.length * y.length > MAX_CELLS) {
    return [
      ...a.slice(0, head).map((text) => ({ kind: 'same' as const, text })),
      ...x.map((text) => ({ kind: 'removed' as const, text })),
      ...y.map((text) => ({ kind: 'added' as const, text })),
      ...a.slice(a.length - tail).map((text) => ({ kind: 'same' as const, text })),
    ];
  }
  const table = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      table[i]![j] = x[i] === y[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      middle.push({ kind: 'same', text: x[i]! });
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) middle.push({ kind: 'removed', text: x[i++]! });
    else middle.push({ kind: 'added', text: y[j++]! });
  }
  while (i < x.length) middle.push({ kind: 'removed', text: x[i++]! });
  while (j < y.length) middle.push({ kind: 'added', text: y[j++]! });
  return [
    ...a.slice(0, head).map((text) => ({ kind: 'same' as const, text })),
    ...middle,
    ...a.slice(a.length - tail).map((text) => ({ kind: 'same' as const, text })),
  ];
}
