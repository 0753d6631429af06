import { describe, expect, it } from 'vitest';
import { fromZonedInput, goLive, slugify, toZonedInput, transition, type Dates } from './editorial-rules';

describe('slugify', () => {
  it('makes lowercase ASCII words joined by hyphens', () => {
    expect(slugify('Councils’ AI pilots: what £2m bought')).toBe('councils-ai-pilots-what-2m-bought');
    expect(slugify('Café résumé & naïve')).toBe('cafe-resume-and-naive');
    expect(slugify('  --  ')).toBe('');
  });

  it('cuts a long title at a word boundary, at most 80 characters', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^word(-word)*$/);
  });
});

describe('times in the newsroom zone', () => {
  it('reads a London wall-clock time in winter (GMT) and summer (BST)', () => {
    expect(fromZonedInput('2026-12-07T09:30', 'Europe/London')).toEqual({ ok: true, at: new Date('2026-12-07T09:30:00Z') });
    expect(fromZonedInput('2026-07-07T09:30', 'Europe/London')).toEqual({ ok: true, at: new Date('2026-07-07T08:30:00Z') });
  });

  it('reads other zones', () => {
    expect(fromZonedInput('2026-12-07T09:30', 'America/New_York')).toEqual({ ok: true, at: new Date('2026-12-07T14:30:00Z') });
    expect(fromZonedInput('2026-12-07T09:30', 'Asia/Kolkata')).toEqual({ ok: true, at: new Date('2026-12-07T04:00:00Z') });
  });

  it('refuses a time the clocks skip, and a date that does not exist', () => {
    const skipped = fromZonedInput('2027-03-28T01:30', 'Europe/London');
    expect(skipped.ok).toBe(false);
    expect(!skipped.ok && skipped.message).toMatch(/clocks go forward/);
    expect(fromZonedInput('2026-02-30T09:00', 'Europe/London').ok).toBe(false);
    expect(fromZonedInput('tomorrow', 'Europe/London').ok).toBe(false);
  });

  it('takes the first of a time the clocks pass twice', () => {
    expect(fromZonedInput('2026-10-25T01:30', 'Europe/London')).toEqual({ ok: true, at: new Date('2026-10-25T00:30:00Z') });
  });

  it('writes an instant back as the wall clock shows it', () => {
    expect(toZonedInput(new Date('2026-07-07T08:30:00Z'), 'Europe/London')).toBe('2026-07-07T09:30');
    expect(toZonedInput(new Date('2026-12-07T14:30:00Z'), 'America/New_York')).toBe('2026-12-07T09:30');
  });
});

describe('what each button does', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const draft: Dates = { status: 'draft', publishedAt: null, revisedAt: null, scheduledAt: null };

  it('publishes a draft now', () => {
    expect(transition(draft, 'publish', { now })).toEqual({
      ok: true,
      next: { status: 'published', publishedAt: now, revisedAt: null, scheduledAt: null },
    });
  });

  it('schedules only in the future', () => {
    const later = new Date('2026-12-07T09:00:00Z');
    expect(transition(draft, 'schedule', { now, scheduleAt: later })).toEqual({
      ok: true,
      next: { ...draft, status: 'scheduled', scheduledAt: later },
    });
    const past = transition(draft, 'schedule', { now, scheduleAt: new Date('2026-12-06T09:59:00Z') });
    expect(past.ok).toBe(false);
    expect(!past.ok && past.message).toMatch(/time has passed/);
    expect(transition(draft, 'schedule', { now, scheduleAt: now }).ok).toBe(false);
    expect(transition(draft, 'schedule', { now }).ok).toBe(false);
  });

  it('updates a published article, keeping its first publication date', () => {
    const first = new Date('2026-12-01T08:00:00Z');
    const published: Dates = { status: 'published', publishedAt: first, revisedAt: null, scheduledAt: null };
    expect(transition(published, 'update', { now })).toEqual({ ok: true, next: { ...published, revisedAt: now } });
    expect(transition(published, 'save', { now }).ok).toBe(false);
    expect(transition(published, 'publish', { now }).ok).toBe(false);
    expect(transition(draft, 'update', { now }).ok).toBe(false);
  });

  it('unpublishes, and republishing keeps the first publication date', () => {
    const first = new Date('2026-12-01T08:00:00Z');
    const published: Dates = { status: 'published', publishedAt: first, revisedAt: null, scheduledAt: null };
    const gone = transition(published, 'unpublish', { now });
    expect(gone).toEqual({ ok: true, next: { ...published, status: 'unpublished' } });
    const back = transition({ ...published, status: 'unpublished' }, 'publish', { now });
    expect(back).toEqual({ ok: true, next: { status: 'published', publishedAt: first, revisedAt: now, scheduledAt: null } });
  });

  it('unpublishing a scheduled article makes it a draft again', () => {
    const scheduled: Dates = { ...draft, status: 'scheduled', scheduledAt: new Date('2026-12-07T09:00:00Z') };
    expect(transition(scheduled, 'unpublish', { now })).toEqual({ ok: true, next: { ...draft } });
    expect(transition(draft, 'unpublish', { now }).ok).toBe(false);
  });
});

describe('scheduling an article that was published before', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const first = new Date('2026-12-01T08:00:00Z');
  const unpublished: Dates = { status: 'unpublished', publishedAt: first, revisedAt: null, scheduledAt: null };
  const later = new Date('2026-12-07T09:00:00Z');

  it('keeps its first publication date, and unscheduling it leaves it unpublished, not a draft', () => {
    const scheduled = transition(unpublished, 'schedule', { now, scheduleAt: later });
    expect(scheduled).toEqual({ ok: true, next: { ...unpublished, status: 'scheduled', scheduledAt: later } });
    if (!scheduled.ok) return;
    expect(transition(scheduled.next, 'unpublish', { now })).toEqual({ ok: true, next: unpublished });
  });

  it('Publish now puts it live now, with its first date, marked updated, whatever was scheduled', () => {
    const scheduled: Dates = { ...unpublished, status: 'scheduled', scheduledAt: later };
    expect(transition(scheduled, 'publish', { now })).toEqual({
      ok: true,
      next: { status: 'published', publishedAt: first, revisedAt: now, scheduledAt: null },
    });
    expect(goLive(scheduled, later)).toEqual({ status: 'published', publishedAt: first, revisedAt: later, scheduledAt: null });
  });
});
