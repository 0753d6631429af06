'use server';

import { staffAction } from '@/lib/auth/staff-action';
import { authorFormSchema, saveAuthorProfile } from './profiles';

/** Saves an author's byline, bio and portrait; editors' work, like articles. */
export const saveAuthorAction = staffAction(
  { role: 'editor', schema: authorFormSchema, invalid: 'Check the fields below.', refresh: false },
  (input, { staff }) => {
    const result = saveAuthorProfile(input, staff);
    return result.ok
      ? { status: 'success', message: `Saved. The author page shows it now.` }
      : { status: 'error', message: result.message };
  },
);
