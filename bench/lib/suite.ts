import type { LoadTool } from './load-test';
import type { RunningServer } from './server';
import type { Table } from './table';

export interface BenchOptions {
  seconds: number;
  connections: number;
  tool: LoadTool;
}

export interface SuiteContext {
  /** A production server of its own, on a fresh scratch database, started for this suite. */
  server: RunningServer;
  options: BenchOptions;
}

export interface SuiteReport {
  table: Table;
  /** Context for reading the table (what was measured, cache headers seen). */
  notes: string[];
  /** Anything that makes the figures wrong (an error status, a page that did not load): exit 1. */
  problems: string[];
}

/**
 * One benchmark, in bench/suites/<name>.ts and listed in bench/suites/index.ts. `npm run bench --
 * <name>` runs it alone.
 */
export interface Suite {
  name: string;
  description: string;
  run(context: SuiteContext): Promise<SuiteReport>;
}
