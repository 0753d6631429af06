import type { ArticleStatus } from '@/db/schema';

// The newsroom's rules, pure so they are tested on their own: slugs, times in the newsroom's zone,
// and which button does what to an article's status and dates. lib/articles/editing.ts applies them.

/** A URL slug from a title: lowercase ASCII words joined by hyphens, at most 80 characters. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 80) return slug;
  // Cut at a word boundary rather than mid-word.
  const cut = slug.slice(0, 81);
  return (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, 80)).replace(/-+$/, '');
}

// --- Times in the newsroom's zone -------------------------------------------------------------

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The zone's offset from UTC at `at`, in ms (positive east of Greenwich). */
function zoneOffsetMs(at: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** `2026-12-07T09:30` as the zone's wall clock shows it, for an <input type="datetime-local">. */
export function toZonedInput(at: Date, zone: string): string {
  const local = new Date(at.getTime() + zoneOffsetMs(at.getTime(), zone));
  return local.toISOString().slice(0, 16);
}

export type ZonedTime = { ok: true; at: Date } | { ok: false; message: string };

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:MM`, what datetime-local sends) names in `zone`.
 * A time the clocks skip (spring forward) is refused; one they pass twice (autumn) is the first.
 */
export function fromZonedInput(value: string, zone: string): ZonedTime {
  const m = LOCAL.exec(value.trim());
  if (!m) return { ok: false, message: 'Enter a date and time, such as 2026-12-07 09:30.' };
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(wall).toISOString().slice(0, 16) !== value.trim()) return { ok: false, message: 'That date does not exist.' };
  // Two passes find the offset in force at the answer itself, not at the guess.
  const candidates = [wall - zoneOffsetMs(wall - 12 * 3600_000, zone), wall - zoneOffsetMs(wall + 12 * 3600_000, zone)].sort(
    (a, b) => a - b,
  );
  const at = candidates.find((c) => toZonedInput(new Date(c), zone) === value.trim());
  if (at === undefined) return { ok: false, message: `That time does not exist in ${zone}: the clocks go forward then.` };
  return { ok: true, at: new Date(at) };
}

// --- What each button does --------------------------------------------------------------------

export const INTENTS = ['save', 'autosave', 'publish', 'schedule', 'update', 'unpublish'] as const;
export type Intent = (typeof INTENTS)[number];

export interface Dates {
  status: ArticleStatus;
  /** First publication; set once, kept through updates, unpublishing and republishing. */
  publishedAt: Date | null;
  revisedAt: Date | null;
  /** The planned release while scheduled. */
  scheduledAt: Date | null;
}

export type Transition = { ok: true; next: Dates } | { ok: false; message: string };

/** An article that readers have seen: its old address answers 410 or redirects, never 404. */
export const wasPublished = (dates: Pick<Dates, 'publishedAt'>) => dates.publishedAt !== null;

/** Where the article goes when `intent` is pressed on it, or why that button does not apply. */
export function transition(current: Dates, intent: Intent, { now, scheduleAt }: { now: Date; scheduleAt?: Date }): Transition {
  const { status } = current;
  switch (intent) {
    case 'save':
    case 'autosave':
      if (status === 'published') return { ok: false, message: 'This article is published: use Update to change what readers see.' };
      return { ok: true, next: current };
    case 'publish':
      if (status === 'published') return { ok: false, message: 'This article is already published: use Update.' };
      return { ok: true, next: goLive(current, now) };
    case 'schedule':
      if (status === 'published') return { ok: false, message: 'This article is already published.' };
      if (!scheduleAt) return { ok: false, message: 'Choose the date and time to publish at.' };
      if (scheduleAt.getTime() <= now.getTime())
        return { ok: false, message: 'That time has passed: choose a time in the future, or Publish now.' };
      return { ok: true, next: { ...current, status: 'scheduled', scheduledAt: scheduleAt } };
    case 'update':
      if (status !== 'published') return { ok: false, message: 'Only a published article can be updated.' };
      return { ok: true, next: { ...current, revisedAt: now } };
    case 'unpublish':
      if (status === 'scheduled')
        return { ok: true, next: { ...current, status: wasPublished(current) ? 'unpublished' : 'draft', scheduledAt: null } };
      if (status !== 'published') return { ok: false, message: 'This article is not published.' };
      return { ok: true, next: { ...current, status: 'unpublished' } };
  }
}

/**
 * Publishing, now or when a schedule comes due: the first time sets the publication date; a
 * republished article keeps its first date and shows as updated at `at`.
 */
export function goLive(current: Dates, at: Date): Dates {
  return {
    status: 'published',
    publishedAt: current.publishedAt ?? at,
    revisedAt: wasPublished(current) ? at : current.revisedAt,
    scheduledAt: null,
  };
}

/** Whether the article's new state is one readers can see (so it must be complete). */
export const goesPublic = (status: ArticleStatus) => status === 'published' || status === 'scheduled';
