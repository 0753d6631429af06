import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { articles, comments, subscribers, type CommentStatus } from '@/db/schema';
import { seedDatabaseIfEmpty } from '@/db/seed';
import { dailyActivity } from './activity';

beforeAll(() => {
  migrateDatabase();
  seedDatabaseIfEmpty();
});

// Noon in London on 6 December 2026; "days ago" are calendar days in the newsroom's zone.
const NOW = new Date('2026-12-06T12:00:00Z');
const daysAgo = (n: number, hour = 10) => new Date(Date.UTC(2026, 11, 6 - n, hour));
let serial = 0;

function comment(createdAt: Date, status: CommentStatus, { moderatedAt = null as Date | null, isStaff = false } = {}) {
  const articleId = getDb().select({ id: articles.id }).from(articles).get()!.id;
  getDb()
    .insert(comments)
    .values({ articleId, authorName: 'R', authorEmail: `a${++serial}@example.net`, body: 'x', status, createdAt, moderatedAt, isStaff })
    .run();
}

function subscriber(fields: Partial<typeof subscribers.$inferInsert>) {
  getDb()
    .insert(subscribers)
    .values({ email: `s${++serial}@example.net`, status: 'confirmed', unsubscribeToken: `t${serial}`, ...fields })
    .run();
}

describe('dailyActivity', () => {
  it('counts what happened each day: comments received and approved, addresses confirmed and gone', () => {
    getDb().delete(comments).run();
    comment(daysAgo(0), 'pending');
    comment(daysAgo(0), 'spam'); // not counted as received
    comment(daysAgo(2), 'approved', { moderatedAt: daysAgo(1) });
    comment(daysAgo(1), 'approved', { isStaff: true }); // a staff reply: published, not "received"
    comment(daysAgo(45), 'approved', { moderatedAt: daysAgo(45) }); // too old
    // Confirmed 3 days ago and left yesterday: one confirmation and one departure, each on its day.
    subscriber({ confirmedAt: daysAgo(3), unsubscribedAt: daysAgo(1), status: 'unsubscribed' });
    subscriber({ confirmedAt: daysAgo(3) });
    subscriber({ confirmedAt: daysAgo(5), bouncedAt: daysAgo(0), complainedAt: daysAgo(0, 11), status: 'complained' });
    subscriber({ status: 'pending' }); // never confirmed: not counted

    const a = dailyActivity(30, NOW, 'Europe/London');
    expect(a.days).toHaveLength(30);
    expect(a.days.at(-1)).toBe('2026-12-06');
    expect(a.days[0]).toBe('2026-11-07');
    const on = (values: number[], n: number) => values[values.length - 1 - n];
    const [received, approved] = a.comments;
    expect(received.label).toBe('received');
    expect([on(received.values, 0), on(received.values, 2)]).toEqual([1, 1]);
    expect(received.values.reduce((x, y) => x + y)).toBe(2);
    expect([on(approved.values, 1), approved.values.reduce((x, y) => x + y)]).toEqual([2, 2]);
    const [confirmed, left] = a.subscribers;
    expect([on(confirmed.values, 3), on(confirmed.values, 5)]).toEqual([2, 1]);
    expect([on(left.values, 1), on(left.values, 0), left.values.reduce((x, y) => x + y)]).toEqual([1, 1, 2]);
  });

  it('puts a late-evening event on the newsroom’s day, not UTC’s', () => {
    getDb().delete(comments).run();
    // 23:30 UTC on 5 December is 6 December in Sydney.
    comment(new Date('2026-12-05T23:30:00Z'), 'pending');
    const sydney = dailyActivity(7, NOW, 'Australia/Sydney');
    expect(sydney.days.at(-1)).toBe('2026-12-06');
    expect(sydney.comments[0].values.at(-1)).toBe(1);
    const london = dailyActivity(7, NOW, 'Europe/London');
    expect(london.comments[0].values.at(-2)).toBe(1);
  });
});
