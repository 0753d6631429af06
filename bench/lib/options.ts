import { chooseTool } from './load-test';
import type { BenchOptions } from './suite';

function positiveInt(name: string, fallback: number, max: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be a whole number from 1 to ${max}, not "${raw}"`);
  return n;
}

/** BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50), BENCH_TOOL (wrk | autocannon). */
export function readOptions(): BenchOptions {
  return {
    seconds: positiveInt('BENCH_SECONDS', 10, 300),
    connections: positiveInt('BENCH_CONNECTIONS', 50, 1000),
    tool: chooseTool(),
  };
}
