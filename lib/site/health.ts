import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';

/** Whether this process can read its database: what the health check (app/api/health) reports. */
export function databaseAnswers(): boolean {
  try {
    getDb().get(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}
