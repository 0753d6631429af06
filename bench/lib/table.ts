export interface Table {
  headers: string[];
  rows: string[][];
  /** Columns to right-align (numbers), by index. */
  numeric?: number[];
}

/** A plain-text table that reads well in a terminal and pastes into Markdown as a code block. */
export function formatTable({ headers, rows, numeric = [] }: Table): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (text: string, i: number) => (numeric.includes(i) ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: string[]) =>
    headers
      .map((_, i) => cell(cells[i] ?? '', i))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(0)} ms`;
}

export function formatRate(perSecond: number): string {
  return perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toFixed(1);
}

/** The bytes of one answer as sent: "42 KiB", or "9 KiB gzip" when it went compressed. */
export function formatWireSize(wire: { bytes: number; encoding: string }): string {
  return `${(wire.bytes / 1024).toFixed(0)} KiB${wire.encoding === 'identity' ? '' : ` ${wire.encoding}`}`;
}
