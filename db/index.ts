import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { env } from '../lib/env';
import * as schema from './schema';

// The only module that knows the driver. Moving to libSQL or Postgres changes this file and the
// migrations, not the queries.

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** A transaction handle, as passed to `db.transaction((tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or a transaction: functions that must join the caller's transaction take this. */
export type DbOrTx = Db | Tx;

type Holder = { db?: Db; path?: string };
// One connection per process, kept across dev-server reloads.
const holder = ((globalThis as { __ledgerDb?: Holder }).__ledgerDb ??= {});

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.DATABASE_PATH);
}

/** Opens the database on first use; never at import time, so `next build` needs no database. */
export function getDb(): Db {
  const file = databasePath();
  if (holder.db && holder.path === file) return holder.db;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const client = new Database(file);
  client.pragma('journal_mode = WAL');
  client.pragma('busy_timeout = 5000');
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  holder.db = drizzle({ client, schema }) as Db;
  holder.path = file;
  return holder.db;
}

/** Closes the connection (scripts and tests). */
export function closeDb(): void {
  holder.db?.$client.close();
  holder.db = undefined;
  holder.path = undefined;
}

export { schema };
