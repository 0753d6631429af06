import 'server-only';
import { and, gte, isNotNull, or } from 'drizzle-orm';
import { getDb } from '@/db';
import { comments, subscribers } from '@/db/schema';
import { env } from '@/lib/env';

// The overview's 30 days, counted from what happened on each day in the newsroom's zone:
// comments received and approved, addresses confirmed and addresses that left.

export interface Series {
  label: string;
  values: number[];
}
export interface DailyActivity {
  /** Each day, oldest first, as YYYY-MM-DD in the newsroom's zone. */
  days: string[];
  comments: [Series, Series];
  subscribers: [Series, Series];
}

const DAY_MS = 86_400_000;

/** A day key (YYYY-MM-DD) in the newsroom's zone. */
function dayKey(formatter: Intl.DateTimeFormat, at: Date): string {
  return formatter.format(at);
}

export function dailyActivity(days = 30, now: Date = new Date(), timeZone = env.SITE_TIME_ZONE): DailyActivity {
  // en-CA formats as YYYY-MM-DD.
  const formatter = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  // Calendar days back from today's date in the zone (not 24-hour steps, which a clock change would skew).
  const [y, m, d] = dayKey(formatter, now).split('-').map(Number) as [number, number, number];
  const keys = Array.from({ length: days }, (_, i) => new Date(Date.UTC(y, m - 1, d - (days - 1 - i))).toISOString().slice(0, 10));
  // A day and a half more than asked: the first day starts at its midnight in the zone, whatever the offset.
  const since = new Date(now.getTime() - (days + 1.5) * DAY_MS);
  const index = new Map(keys.map((k, i) => [k, i]));
  const tally = (times: (Date | null)[]) => {
    const values = new Array<number>(keys.length).fill(0);
    for (const at of times) {
      const i = at ? index.get(dayKey(formatter, at)) : undefined;
      if (i !== undefined) values[i]!++;
    }
    return values;
  };

  const db = getDb();
  const commentRows = db
    .select({ createdAt: comments.createdAt, status: comments.status, moderatedAt: comments.moderatedAt, isStaff: comments.isStaff })
    .from(comments)
    .where(or(gte(comments.createdAt, since), gte(comments.moderatedAt, since)))
    .all();
  const received = commentRows.filter((c) => c.status !== 'spam' && !c.isStaff && c.createdAt >= since).map((c) => c.createdAt);
  // Published today: approved by a moderator on that day, or a staff reply (published as written).
  const approved = commentRows.filter((c) => c.status === 'approved').map((c) => (c.isStaff ? c.createdAt : c.moderatedAt));

  const subscriberRows = db
    .select({
      confirmedAt: subscribers.confirmedAt,
      unsubscribedAt: subscribers.unsubscribedAt,
      bouncedAt: subscribers.bouncedAt,
      complainedAt: subscribers.complainedAt,
    })
    .from(subscribers)
    .where(
      and(
        isNotNull(subscribers.confirmedAt),
        or(
          gte(subscribers.confirmedAt, since),
          gte(subscribers.unsubscribedAt, since),
          gte(subscribers.bouncedAt, since),
          gte(subscribers.complainedAt, since),
        ),
      ),
    )
    .all();
  // Left: the first of unsubscribing, bouncing or complaining, once per address.
  const left = subscriberRows.map((s) => {
    const times = [s.unsubscribedAt, s.bouncedAt, s.complainedAt].filter((t): t is Date => t !== null);
    return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
  });

  return {
    days: keys,
    comments: [
      { label: 'received', values: tally(received) },
      { label: 'approved', values: tally(approved) },
    ],
    subscribers: [
      { label: 'confirmed', values: tally(subscriberRows.map((s) => s.confirmedAt)) },
      { label: 'left', values: tally(left) },
    ],
  };
}
