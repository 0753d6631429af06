import type { StaffRole } from '@/db/schema';

/**
 * What a page or action needs: any staff member, the moderators' work (comments), the editors'
 * work (articles and pictures), or an admin. An admin may do everything.
 */
export type Access = 'staff' | 'moderator' | 'editor' | 'admin';

export function canAccess(role: StaffRole, access: Access): boolean {
  return role === 'admin' || access === 'staff' || role === access;
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  moderator: 'Moderator (comments)',
  editor: 'Editor (articles)',
  admin: 'Admin (everything, and staff)',
};
export const STAFF_ROLE_CHOICES = Object.keys(ROLE_LABELS) as StaffRole[];

/** "an editor", for sentences such as "jo@example.org is now an editor". */
export const ROLE_WITH_ARTICLE: Record<StaffRole, string> = { admin: 'an admin', editor: 'an editor', moderator: 'a moderator' };
