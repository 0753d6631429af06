import { env } from '@/lib/env';

// Dates as every reader sees them: in the newsroom's zone (SITE_TIME_ZONE), so a cached page is the
// same bytes for all, and the times a reader sees are the times the newsroom scheduled.

const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: env.SITE_TIME_ZONE });
const withTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: env.SITE_TIME_ZONE,
});

/**
 * The text a `<time>` shows. Intl's output depends on the ICU data of the engine, so text that the
 * browser hydrates must be formatted on the server and sent along.
 */
export function formatDateTime(iso: string, showTime = false): string {
  return (showTime ? withTime : dateOnly).format(new Date(iso));
}

const withZone = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: env.SITE_TIME_ZONE,
  timeZoneName: 'short',
});
const timeWithZone = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: env.SITE_TIME_ZONE,
  timeZoneName: 'short',
});

/**
 * A time as the dashboard says it in a sentence, with the zone named ("7 December 2026 at 09:30
 * GMT"), since an editor may be elsewhere than the newsroom.
 */
export function formatNewsroomTime(at: Date, { timeOnly = false } = {}): string {
  return (timeOnly ? timeWithZone : withZone).format(at);
}

/** "under a minute", "5 minutes", "3 hours", "2 days": how long ago something was, for people (a backup, a waiting purge). */
export function describeAge(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes === 0) return 'under a minute';
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return hours === 1 ? '1 hour' : `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}
