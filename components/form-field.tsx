/**
 * A labelled input (or textarea) with its hint and its error below it, wired for screen readers:
 * both are the field's description, and an error marks it invalid. Uncontrolled by default:
 * `defaultValue` is what was typed before an error answer (React resets uncontrolled fields after
 * an action) and keys the field so it shows it. Given `value` and `onChange`, it is controlled
 * (the article editor keeps its fields in state).
 */
export function FormField({
  id,
  label,
  errors,
  hint,
  multiline = false,
  defaultValue = '',
  ref,
  ...input
}: {
  id: string;
  label: string;
  errors?: string[];
  hint?: React.ReactNode;
  multiline?: boolean;
  defaultValue?: string;
  /** The textarea's own ref (a multiline field): the editor inserts pictures at its caret. */
  ref?: React.Ref<HTMLTextAreaElement>;
} & Omit<React.InputHTMLAttributes<HTMLInputElement> & React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'defaultValue'>) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const controlled = input.value !== undefined;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ');
  const field = {
    type: multiline ? undefined : 'text',
    ...input,
    id,
    ...(controlled ? {} : { defaultValue }),
    'aria-invalid': Boolean(errors?.length),
    'aria-describedby': describedBy || undefined,
  };
  const key = controlled ? undefined : defaultValue;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {input.required && <span aria-hidden="true"> *</span>}
      </label>
      {multiline ? <textarea key={key} ref={ref} {...field} /> : <input key={key} {...field} />}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
