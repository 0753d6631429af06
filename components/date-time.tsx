const formatter = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const withTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/**
 * The text a `<time>` shows, in London time. Intl's output depends on the ICU data of the engine,
 * so text that the browser hydrates must be formatted on the server and sent along.
 */
export function formatDateTime(iso: string, showTime = false): string {
  return (showTime ? withTime : formatter).format(new Date(iso));
}

/** A `<time>` element; the text is fixed to London time so every reader gets the same bytes. */
export function DateTime({ iso, showTime = false }: { iso: string; showTime?: boolean }) {
  return <time dateTime={new Date(iso).toISOString()}>{formatDateTime(iso, showTime)}</time>;
}
