import 'server-only';
import { env } from '@/lib/env';

/** Everyone who moderates: for now the ADMIN_EMAILS list (the dashboard adds its staff table). */
export function listStaffEmails(): string[] {
  return [...new Set(env.ADMIN_EMAILS)];
}
