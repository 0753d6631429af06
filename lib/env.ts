import { z } from 'zod';
import { defaultBackupDir, parseBackupInterval } from './backup/rules';
import { parsePurgeTargets } from './cache/purge-targets.mjs';
import { defaultMediaPath } from './media/file-server.mjs';
import { isLoopbackHost, LOOPBACK_RANGES, parseRanges } from './security/ip.mjs';

// One validated view of the environment. next.config.ts imports this module, so a bad value stops
// `next build` and `next start` with a message that names the variable.

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /**
     * The interface `npm start` listens on. Unset: loopback only while SITE_URL is a localhost URL
     * (the local mailbox shows sign-in links), every interface otherwise.
     */
    HOST: optional,
    SITE_URL: optional.pipe(
      z.url({ protocol: /^https?$/, error: 'SITE_URL must be an http(s) URL such as https://news.example.org' }).optional(),
    ),
    SITE_NAME: z.string().trim().min(1).max(80).default('The Ledger'),
    DATABASE_PATH: z.string().trim().min(1).default('./data/site.db'),
    AUTH_SECRET: optional,
    RESEND_API_KEY: optional,
    RESEND_BASE_URL: optional.pipe(z.url({ error: 'RESEND_BASE_URL must be a URL' }).optional()),
    RESEND_WEBHOOK_SECRET: optional,
    MAIL_FROM: z.string().trim().default('The Ledger <newsroom@localhost>'),
    /** Emails a second across all deliverers; 0 lifts the limit (benchmarks only). */
    MAIL_RATE_PER_SECOND: z.coerce.number().min(0).max(1000).default(4),
    /** First retry delay; doubles per attempt up to an hour. Lowered in tests. */
    MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
    /** How often each server process sweeps the outbox for due emails. */
    MAIL_SWEEP_MS: z.coerce.number().int().min(100).default(60_000),
    /** A send that has not answered in this time counts as a network failure and is retried. */
    MAIL_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
    /**
     * An email left 'sending' this long (the process sending it died) is claimed again. Longer
     * than a send can take; lowered in tests that kill a server mid-send.
     */
    MAIL_SENDING_LEASE_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .default(5 * 60 * 1000),
    /**
     * "1" when a reverse proxy in front appends the client's address to X-Forwarded-For; the
     * production server (scripts/server.mjs) then keeps that header. Otherwise it replaces the
     * header with the connection's own address, so a client cannot choose its IP.
     */
    TRUST_PROXY: z
      .enum(['0', '1', 'false', 'true', ''])
      .default('0')
      .transform((v) => v === '1' || v === 'true'),
    /** The proxies whose X-Forwarded-For is believed (with TRUST_PROXY=1): addresses and CIDR ranges. */
    TRUSTED_PROXIES: z
      .string()
      .trim()
      .default(LOOPBACK_RANGES)
      .superRefine((v, ctx) => {
        const parsed = parseRanges(v);
        if (!parsed.ok) {
          ctx.addIssue({
            code: 'custom',
            message: `"${parsed.entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1, loopback)`,
          });
        }
      }),
    /** Days a sent email's body (with any link in it) is kept before only who, what and when remain. */
    MAIL_KEEP_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
    /** Readers' reports (from distinct addresses) that take an approved comment off the public page until a moderator decides. */
    COMMENT_HIDE_AFTER_REPORTS: z.coerce.number().int().min(1).max(1000).default(3),
    /** Approved comments after which a proven address, posting from a browser holding its credential, publishes at once. */
    COMMENT_TRUST_AFTER: z.coerce.number().int().min(1).max(1000).default(2),
    /** "1" seeds the demo publication into an empty database on a public SITE_URL too. */
    SEED_DEMO: z
      .enum(['0', '1', 'false', 'true', ''])
      .default('0')
      .transform((v) => v === '1' || v === 'true'),
    /**
     * Where scheduled and `npm run backup` backups go; by default a `backups` folder beside the
     * database. Point it at another disk (or a mounted remote) to survive losing this one.
     */
    BACKUP_DIR: z.string().trim().min(1).optional(),
    /** How often a server takes a backup: a number of minutes, hours or days ("30m", "6h", "1d"), or "off". */
    BACKUP_EVERY: z
      .string()
      .trim()
      .toLowerCase()
      .default('1d')
      .transform((v, ctx) => {
        const ms = parseBackupInterval(v);
        if (ms === undefined) {
          ctx.addIssue({ code: 'custom', message: 'BACKUP_EVERY must be minutes, hours or days such as 30m, 6h or 1d, or "off"' });
          return z.NEVER;
        }
        return ms;
      }),
    /** How many backups are kept in BACKUP_DIR; older ones are removed after each new one. */
    BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
    /**
     * Shared caches in front of the site (Varnish, a CDN) that invalidations purge by tag: their
     * purge URLs, comma-separated (deploy/README.md). Each gets a PURGE with the tags in `xkey-purge`.
     */
    CACHE_PURGE_URLS: z
      .string()
      .default('')
      .transform((v) => parsePurgeTargets(v))
      .superRefine((urls, ctx) => {
        for (const url of urls) {
          if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
            ctx.addIssue({ code: 'custom', message: `CACHE_PURGE_URLS must be comma-separated http(s) URLs; "${url}" is not one` });
          }
        }
      }),
    /** Sent with every purge (X-Purge-Secret); the cache refuses purges without it. */
    CACHE_PURGE_SECRET: optional,
    /** Uploaded pictures; by default a `media` folder beside the database. */
    MEDIA_PATH: z.string().trim().min(1).optional(),
    /** The newsroom's time zone: schedule times are typed in it, and readers see dates in it. */
    SITE_TIME_ZONE: z
      .string()
      .trim()
      .default('Europe/London')
      .refine((zone) => isTimeZone(zone), { error: 'SITE_TIME_ZONE must be an IANA time zone such as Europe/London' }),
    /**
     * Tests only: a file holding an ISO time that scheduled publishing and "is it live yet" treat
     * as now, so a test can move the newsroom's clock instead of waiting.
     */
    TEST_CLOCK_FILE: z.string().trim().min(1).optional(),
    POSTAL_ADDRESS: z.string().trim().default('The Ledger, 1 Example Street, London EC1A 1AA'),
    ADMIN_EMAILS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.email({ error: 'ADMIN_EMAILS must be a comma-separated list of email addresses' }))),
  })
  .transform((env) => {
    const siteUrl = (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
    const isLocalSite = isLoopbackHost(new URL(siteUrl).hostname);
    const mediaPath = env.MEDIA_PATH ?? defaultMediaPath(env.DATABASE_PATH);
    const backupDir = env.BACKUP_DIR ?? defaultBackupDir(env.DATABASE_PATH);
    return { ...env, SITE_URL: siteUrl, isLocalSite, MEDIA_PATH: mediaPath, BACKUP_DIR: backupDir };
  })
  .superRefine((env, ctx) => {
    if (env.MAIL_SENDING_LEASE_MS <= env.MAIL_SEND_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_SENDING_LEASE_MS'],
        message: `MAIL_SENDING_LEASE_MS (${env.MAIL_SENDING_LEASE_MS}) must be longer than MAIL_SEND_TIMEOUT_MS (${env.MAIL_SEND_TIMEOUT_MS}), or a slow send could be claimed and sent twice`,
      });
    }
    if (!env.isLocalSite && Buffer.byteLength(env.AUTH_SECRET ?? '') < 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: `AUTH_SECRET ${env.AUTH_SECRET ? 'must be at least 32 bytes' : 'is required'} on a public site (generate one with \`openssl rand -base64 32\`)`,
      });
    }
    if (env.CACHE_PURGE_URLS.length > 0 && Buffer.byteLength(env.CACHE_PURGE_SECRET ?? '') < 16) {
      ctx.addIssue({
        code: 'custom',
        path: ['CACHE_PURGE_SECRET'],
        message: `CACHE_PURGE_SECRET ${env.CACHE_PURGE_SECRET ? 'must be at least 16 bytes' : 'is required with CACHE_PURGE_URLS'}: the caches refuse purges without it (generate one with \`openssl rand -hex 24\`)`,
      });
    }
    if (!env.isLocalSite && !env.RESEND_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['RESEND_API_KEY'],
        message: `RESEND_API_KEY is required when SITE_URL (${env.SITE_URL}) is not a localhost URL: without it no email would leave this machine`,
      });
    }
  });

export type Env = z.output<typeof schema>;

function loadEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const env: Env = loadEnv();
