/** What every form action returns: a status, a sentence for the person, and per-field errors. */
export type ActionState<Values = Record<string, string>, Extra = unknown> = {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fieldErrors?: Partial<Record<keyof Values & string, string[]>>;
  /** What was typed, so the form can show it again (React resets uncontrolled inputs). */
  values?: Partial<Values>;
} & { extra?: Extra };

/** Reads string fields from FormData (files and missing fields become ''). */
export function formValues<K extends string>(formData: FormData, keys: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of keys) {
    const v = formData.get(key);
    out[key] = typeof v === 'string' ? v : '';
  }
  return out;
}
