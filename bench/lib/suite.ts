import type { LoadTool } from './load-test';
import type { RunningServer, StartServerOptions } from './server';
import type { Table } from './table';

export interface BenchOptions {
  seconds: number;
  connections: number;
  tool: LoadTool;
}

export interface SuiteContext {
  options: BenchOptions;
  /** This suite's scratch folder under bench/.tmp/ (database, server logs, anything else). */
  workDir: string;
  /**
   * Starts a production server for this suite. By default every server of a suite uses the same
   * scratch database (`<workDir>/site.db`), migrated and seeded by the first one. The harness
   * stops them all when the suite ends, reports their peak memory, and fails the suite if one
   * died during it. `env` overrides the server's environment (RESEND_BASE_URL, MAIL_*…).
   */
  startServer(options?: Omit<StartServerOptions, 'label' | 'workDir'>): Promise<RunningServer>;
}

export interface SuiteReport {
  /** One table, or several printed one after the other (each with an optional title). */
  table: Table | (Table & { title?: string })[];
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
