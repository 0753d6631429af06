import { z } from 'zod';

export const COMMENT_FIELDS = ['name', 'email', 'website', 'body', 'parentId'] as const;
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
  name: z
    .string()
    .trim()
    .min(1, { error: 'Please enter your name.' })
    .max(80, { error: 'Name must be at most 80 characters.' }),
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
});

export type CommentInput = z.output<typeof commentInputSchema>;
