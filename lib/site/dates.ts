// Dates as every reader sees them: in London time, so a cached page is the same bytes for all.

const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const withTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/**
 * The text a `<time>` shows. Intl's output depends on the ICU data of the engine, so text that the
 * browser hydrates must be formatted on the server and sent along.
 */
export function formatDateTime(iso: string, showTime = false): string {
  return (showTime ? withTime : dateOnly).format(new Date(iso));
}
