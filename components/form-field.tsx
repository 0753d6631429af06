/**
 * A labelled input (or textarea) with its error below it, wired for screen readers: the error is
 * the field's description and marks it invalid. `defaultValue` is what was typed before an error
 * answer (React resets uncontrolled fields after an action), and keys the field so it shows it.
 */
export function FormField({
  id,
  label,
  errors,
  multiline = false,
  defaultValue = '',
  ...input
}: {
  id: string;
  label: string;
  errors?: string[];
  multiline?: boolean;
  defaultValue?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement> & React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'defaultValue'>) {
  const errorId = `${id}-error`;
  const field = {
    type: multiline ? undefined : 'text',
    ...input,
    id,
    defaultValue,
    'aria-invalid': Boolean(errors?.length),
    'aria-describedby': errors?.length ? errorId : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {input.required && <span aria-hidden="true"> *</span>}
      </label>
      {multiline ? <textarea key={defaultValue} {...field} /> : <input key={defaultValue} {...field} />}
      {errors?.length ? (
        <p id={errorId} className="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
