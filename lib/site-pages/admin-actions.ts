'use server';

import { staffAction } from '@/lib/auth/staff-action';
import type { ActionState } from '@/lib/forms/action-state';
import { saveSitePage, sitePageFormSchema, type SitePage } from './pages';

/** What the form learns from a save: the version it now edits, and on a conflict, theirs. */
export interface SitePageSaved {
  version: number;
  theirs?: SitePage;
}

/** Saves a site page (About, Privacy…); editors' work, like articles. */
export const saveSitePageAction = staffAction(
  { role: 'editor', schema: sitePageFormSchema, invalid: 'Check the fields below.', refresh: false },
  (input, { staff }): ActionState<Record<string, string>, SitePageSaved> => {
    const result = saveSitePage(input, staff);
    if (result.ok) return { status: 'success', message: result.message, extra: { version: result.version } };
    return { status: 'error', message: result.message, extra: { version: result.theirs.version, theirs: result.theirs } };
  },
);
