import { z } from 'zod';
import { seal, unseal } from '@/lib/security/signing';

// The pure rules of a reader's comment: what the form accepts and the anti-abuse checks that need
// no database (where a reply sits is in thread.ts, which the browser loads too). The rules that need the database (flood,
// duplicates, blocklist) are in store.ts, inside the transaction that stores the comment.

export const MIN_FILL_MS = 3_000;
export const MAX_FORM_AGE_MS = 24 * 60 * 60 * 1000;
export const FLOOD_WINDOW_MS = 15_000;
export const MAX_LINKS = 2;
const STAMP_PURPOSE = 'comment-form-stamp';

/** A signed "form shown at" time, put in the form and checked on submit. */
export function createFormStamp(secret: string, now = Date.now()): string {
  return seal(secret, STAMP_PURPOSE, String(now));
}

export type StampCheck = { ok: true } | { ok: false; verdict: 'spam'; reason: string } | { ok: false; verdict: 'expired' };

/** How long ago a genuine stamp was issued, in ms; null for a missing or forged one. */
function stampAge(secret: string, stamp: string | null | undefined, now: number): number | null {
  const value = unseal(secret, STAMP_PURPOSE, stamp);
  return value === null || !/^\d{10,16}$/.test(value) ? null : now - Number(value);
}

const FUTURE_TOLERANCE_MS = 60_000;

export function checkFormStamp(secret: string, stamp: string | null | undefined, now = Date.now()): StampCheck {
  const age = stampAge(secret, stamp, now);
  if (age === null) return { ok: false, verdict: 'spam', reason: 'missing or forged form stamp' };
  if (age < -FUTURE_TOLERANCE_MS) return { ok: false, verdict: 'spam', reason: 'form stamp from the future' };
  if (age < MIN_FILL_MS) return { ok: false, verdict: 'spam', reason: `posted ${Math.max(0, age)} ms after the form was shown` };
  if (age > MAX_FORM_AGE_MS) return { ok: false, verdict: 'expired' };
  return { ok: true };
}

/**
 * The stamp to send back with an answer that asks the person to fix something: the one their form
 * was shown with, while it is genuine and current, so that a quick correction is not "posted
 * under 3 s". A forged, future or expired stamp gets a fresh one instead.
 */
export function stampForRetry(secret: string, submitted: string | null | undefined, now = Date.now()): string {
  const age = stampAge(secret, submitted, now);
  const current = age !== null && age >= -FUTURE_TOLERANCE_MS && age <= MAX_FORM_AGE_MS;
  return submitted && current ? submitted : createFormStamp(secret, now);
}

const LINK_PATTERN = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.|<a\s/gi;

export function countLinks(text: string): number {
  return text.match(LINK_PATTERN)?.length ?? 0;
}

/** Blocklisted words found in `text`, matched as whole words, case-insensitively. */
export function findBlockedWords(text: string, words: string[]): string[] {
  const haystack = text.toLowerCase();
  return words.filter((word) => {
    const w = word.toLowerCase().trim();
    if (!w) return false;
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(haystack);
  });
}

// The form.
export const COMMENT_FIELDS = ['name', 'email', 'website', 'body', 'parentId', 'notify'] as const;
export type CommentField = (typeof COMMENT_FIELDS)[number];

const httpUrl = z
  .string()
  .max(200, { error: 'Website must be at most 200 characters.' })
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
      } catch {
        return false;
      }
    },
    { error: 'Website must be a web address starting with http:// or https://' },
  );

/** One schema for the comment form, used by the action and for unit tests of every rule. */
export const commentInputSchema = z.object({
  name: z.string().trim().min(1, { error: 'Please enter your name.' }).max(80, { error: 'Name must be at most 80 characters.' }),
  email: z
    .string()
    .trim()
    .min(1, { error: 'Please enter your email address.' })
    .max(254, { error: 'Email must be at most 254 characters.' })
    .pipe(z.email({ error: 'Please enter a valid email address, like name@example.com.' }))
    .transform((v) => v.toLowerCase()),
  website: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(httpUrl.optional()),
  body: z
    .string()
    .trim()
    .min(2, { error: 'Please write a comment of at least 2 characters.' })
    .max(5000, { error: 'Comments must be at most 5,000 characters.' }),
  parentId: z
    .string()
    .trim()
    .regex(/^\d{0,12}$/, { error: 'The comment you are replying to is not valid.' })
    .transform((v) => (v === '' ? undefined : Number(v))),
  /** "Email me when someone replies": a ticked box sends "on"; an unticked one, nothing. */
  notify: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
});

export type CommentInput = z.output<typeof commentInputSchema>;
