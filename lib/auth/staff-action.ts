import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/forms/action-state';
import type { StaffMember } from '@/lib/staff/queries';
import type { Access } from './roles';
import { requireStaff } from './session';

/** A dashboard form's server action: (state before, the form) → state after. */
export type StaffFormAction<Values = Record<string, string>> = ((
  previous: ActionState<Values>,
  formData: FormData,
) => Promise<ActionState<Values>>) & {
  /** Who may call it; read by the access tests, which enumerate the actions a module exports. */
  readonly staffRole: Access;
};

interface Options<Schema extends z.ZodType> {
  /** Who may call it (lib/auth/roles.ts): comment work (`moderator`, the default), `editor`, `admin` or any `staff`. */
  role?: Access;
  schema: Schema;
  /** Fields that may be sent more than once (checkboxes): parsed as arrays. */
  arrays?: readonly string[];
  /** Said when the form does not parse; by default the first problem's own message. */
  invalid?: string;
  /**
   * Re-render the dashboard after the action (default). Off for a form that keeps its own state
   * (the article editor): a re-render while someone types could replace what they typed.
   */
  refresh?: boolean;
}

/**
 * Every dashboard action has one shape: check who is calling (a server action is a public POST
 * endpoint, whatever the proxy did), parse the form with zod, run the handler, then refresh the
 * dashboard's pages. An invalid form is answered with per-field errors and what was typed.
 */
export function staffAction<Schema extends z.ZodType, Values = Record<string, string>>(
  { role = 'moderator', schema, arrays = [], invalid, refresh = true }: Options<Schema>,
  handler: (
    input: z.output<Schema>,
    context: { staff: StaffMember; formData: FormData },
  ) => Promise<ActionState<NoInfer<Values>>> | ActionState<NoInfer<Values>>,
): StaffFormAction<Values> {
  const action = async (_previous: ActionState<Values>, formData: FormData): Promise<ActionState<Values>> => {
    const staff = await requireStaff(role);
    const fields: Record<string, string | string[]> = {};
    for (const key of new Set(formData.keys())) {
      if (key.startsWith('$ACTION')) continue;
      const values = formData.getAll(key).filter((v): v is string => typeof v === 'string');
      fields[key] = arrays.includes(key) ? values : (values[0] ?? '');
    }
    for (const key of arrays) fields[key] ??= [];
    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      const typed = Object.fromEntries(
        Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'),
      ) as Partial<Values>;
      return {
        status: 'error',
        message: invalid ?? parsed.error.issues[0]?.message ?? 'Check the form.',
        fieldErrors: z.flattenError(parsed.error).fieldErrors as ActionState<Values>['fieldErrors'],
        values: typed,
      };
    }
    try {
      return await handler(parsed.data, { staff, formData });
    } finally {
      // Also when the handler redirects (redirect() throws): the next page must show the change.
      if (refresh) revalidatePath('/admin', 'layout');
    }
  };
  return Object.assign(action, { staffRole: role });
}
