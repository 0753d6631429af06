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

/** A `<time>` element; the text is fixed to London time so every reader gets the same bytes. */
export function DateTime({ iso, showTime = false }: { iso: string; showTime?: boolean }) {
  const date = new Date(iso);
  return <time dateTime={date.toISOString()}>{(showTime ? withTime : formatter).format(date)}</time>;
}
