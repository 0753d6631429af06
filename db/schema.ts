import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

// Times are stored as integer milliseconds since the epoch (Drizzle's `timestamp_ms` mode).
const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const authors = sqliteTable(
  'authors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    bio: text('bio').notNull().default(''),
    /** An optional portrait for the author page, from the media library. */
    photoId: integer('photo_id').references((): AnySQLiteColumn => media.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('authors_slug_unique').on(t.slug)],
);

export const sections = sqliteTable(
  'sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sections_slug_unique').on(t.slug)],
);

export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_slug_unique').on(t.slug)],
);

/**
 * draft → scheduled (scheduledAt is the planned release) → published → unpublished (answers 410).
 * lib/articles/schedule.ts turns a scheduled article into a published one when its time comes.
 */
export const ARTICLE_STATUSES = ['draft', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Markdown; rendered to sanitised HTML by lib/articles/markdown.ts. */
    body: text('body').notNull(),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'restrict' }),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'restrict' }),
    commentsOpen: integer('comments_open', { mode: 'boolean' }).notNull().default(true),
    /** First publication, kept through updates and republishing; null until then. */
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    /** With status 'scheduled', when it goes live (lib/articles/schedule.ts); null otherwise. */
    scheduledAt: integer('scheduled_at', { mode: 'timestamp_ms' }),
    /** When a published article was last updated ("Updated …", dateModified). */
    revisedAt: integer('revised_at', { mode: 'timestamp_ms' }),
    /** The lead picture, with its words for this article. */
    imageId: integer('image_id').references((): AnySQLiteColumn => media.id, { onDelete: 'set null' }),
    imageAlt: text('image_alt').notNull().default(''),
    imageCaption: text('image_caption').notNull().default(''),
    imageCredit: text('image_credit').notNull().default(''),
    /** A correction note shown at the end of the article, with its date. */
    correction: text('correction').notNull().default(''),
    correctedAt: integer('corrected_at', { mode: 'timestamp_ms' }),
    /** Bumped by every save: a save names the version it started from (lib/articles/editing.ts). */
    version: integer('version').notNull().default(1),
    /** Who saved last, for "changed by … since you opened it". */
    updatedBy: text('updated_by'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex('articles_slug_unique').on(t.slug),
    index('articles_status_published_idx').on(t.status, t.publishedAt),
    index('articles_section_published_idx').on(t.sectionId, t.status, t.publishedAt),
    index('articles_author_published_idx').on(t.authorId, t.status, t.publishedAt),
    index('articles_status_updated_idx').on(t.status, t.updatedAt),
    index('articles_status_scheduled_idx').on(t.status, t.scheduledAt),
  ],
);

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId, t.articleId)],
);

/** Bylines, in order. `articles.author_id` is the first one, kept for the queries that show one name. */
export const articleAuthors = sqliteTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.authorId] }), index('article_authors_author_idx').on(t.authorId, t.articleId)],
);

/** Uploaded pictures: one row per distinct content (sha256), files under MEDIA_PATH. */
export const media = sqliteTable(
  'media',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Hex sha256 of the stored (metadata-free) file; also its file name. */
    hash: text('hash').notNull(),
    format: text('format', { enum: ['jpeg', 'png', 'webp', 'avif'] }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    /** The uploaded file's name, for the media library; never used as a path. */
    originalName: text('original_name').notNull().default(''),
    /** Suggested words, copied into an article when the picture is chosen. */
    alt: text('alt').notNull().default(''),
    credit: text('credit').notNull().default(''),
    uploadedBy: text('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('media_hash_unique').on(t.hash), index('media_created_idx').on(t.createdAt)],
);

/** Every save of a published article keeps the text it replaced, to compare and restore. */
export const articleRevisions = sqliteTable(
  'article_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** The article's version this snapshot was. */
    version: integer('version').notNull(),
    /** The editable fields as they were (lib/articles/editing.ts, ArticleFields). */
    fields: text('fields', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    savedBy: text('saved_by'),
    createdAt: createdAt(),
  },
  (t) => [index('article_revisions_article_idx').on(t.articleId, t.version)],
);

/** A published slug that changed: its URL answers with a permanent redirect to the article. */
export const slugRedirects = sqliteTable('slug_redirects', {
  slug: text('slug').primaryKey(),
  articleId: integer('article_id')
    .notNull()
    .references(() => articles.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

/**
 * The pages a reader checks before trusting a publication (About, Contact, Corrections, Privacy,
 * Comment policy), written by editors in Markdown. The set is fixed (lib/site-pages/catalogue.ts);
 * a page without a row shows its first version from there.
 */
export const sitePages = sqliteTable('site_pages', {
  slug: text('slug').primaryKey(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  /** Bumped by every save: a save names the version it started from. */
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export type Author = typeof authors.$inferSelect;
export type NewAuthor = typeof authors.$inferInsert;
export type SectionRow = typeof sections.$inferSelect;
export type NewSection = typeof sections.$inferInsert;
export type Tag = typeof tags.$inferSelect;
export type NewTag = typeof tags.$inferInsert;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type Media = typeof media.$inferSelect;

/**
 * When each cache tag was last invalidated. Read by lib/cache/tag-clock.mjs in every
 * server process, written by any of them and by the command-line tools.
 */
export const cacheInvalidations = sqliteTable(
  'cache_invalidations',
  {
    tag: text('tag').primaryKey(),
    invalidatedAt: integer('invalidated_at').notNull(),
  },
  (t) => [index('cache_invalidations_at_idx').on(t.invalidatedAt)],
);

/**
 * Purges owed to the shared caches named in CACHE_PURGE_URLS (Varnish, a CDN): one row per cache
 * and tag, written in the same transaction as the invalidation (lib/cache/tag-clock.mjs)
 * and deleted once that cache has confirmed it (lib/cache/purges.ts). A tag invalidated again while
 * its purge is waiting stays one row; one invalidated while its purge is in flight is purged again
 * (`requested_at` later than `claimed_at`). Times in milliseconds.
 */
export const cachePurges = sqliteTable(
  'cache_purges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    target: text('target').notNull(),
    tag: text('tag').notNull(),
    requestedAt: integer('requested_at').notNull(),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: integer('claimed_at'),
    claimToken: text('claim_token'),
    lastError: text('last_error'),
  },
  (t) => [uniqueIndex('cache_purges_target_tag_idx').on(t.target, t.tag), index('cache_purges_due_idx').on(t.nextAttemptAt)],
);
export type CachePurgeRow = typeof cachePurges.$inferSelect;

export const REPORT_REASONS = ['spam', 'abuse', 'personal', 'off-topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/**
 * Readers' reports of approved comments (lib/comments/reports.ts). The reporter is kept only as
 * a salted hash of their address (and, when their browser runs the page's script, of a random id
 * it keeps), one report per comment for each. `dismissedAt` is set when a moderator restores the
 * comment: those reports no longer count towards hiding it.
 */
export const commentReports = sqliteTable(
  'comment_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: REPORT_REASONS }).notNull(),
    note: text('note'),
    ipHash: text('ip_hash').notNull(),
    /** What the hiding threshold counts: the address for IPv4, the /48 for IPv6 (one line holds many /64s). */
    networkHash: text('network_hash').notNull(),
    browserHash: text('browser_hash'),
    createdAt: createdAt(),
    dismissedAt: integer('dismissed_at', { mode: 'timestamp_ms' }),
    dismissedBy: text('dismissed_by'),
  },
  (t) => [
    uniqueIndex('comment_reports_comment_ip_idx').on(t.commentId, t.ipHash),
    uniqueIndex('comment_reports_comment_browser_idx').on(t.commentId, t.browserHash),
    index('comment_reports_open_idx').on(t.dismissedAt, t.commentId),
  ],
);

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Every email the site sends, written in the same transaction as the change that causes it and
 * delivered later by lib/mail/deliver.ts. Rows are never deleted by delivery: they are the log.
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    /** JSON object of extra headers (List-Unsubscribe, …). */
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    /** Sent as Idempotency-Key; null means `outbox/<id>`. Unique, so a key can be enqueued once. */
    idempotencyKey: text('idempotency_key'),
    /** What the email is about, e.g. `subscriber:12`, so it can be cancelled with its subject. */
    ref: text('ref'),
    /** A send this email belongs to (`issue:7`): progress is counted, and batches formed, by it. */
    groupKey: text('group_key'),
    /**
     * The batch request this email first went out in (set when the deliverer forms it). A retry
     * re-sends exactly the rows of that batch, so the provider sees the same request under the
     * same Idempotency-Key and sends nobody a second copy.
     */
    batchKey: text('batch_key'),
    /**
     * For mass mail: the shared rendered email (shared_emails) and this recipient's values for its
     * placeholders; `html` and `text` are then empty, so 50,000 copies of an issue are not stored.
     */
    sharedEmailId: integer('shared_email_id').references((): AnySQLiteColumn => sharedEmails.id, { onDelete: 'restrict' }),
    vars: text('vars', { mode: 'json' }).$type<Record<string, string>>(),
    /** The provider's latest word on the email (delivered, bounced, …) from its webhooks. */
    providerStatus: text('provider_status'),
    providerStatusAt: integer('provider_status_at', { mode: 'timestamp_ms' }),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
    claimToken: text('claim_token'),
    transport: text('transport'),
    providerId: text('provider_id'),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    /**
     * When the body (html, text, headers, vars) was blanked, MAIL_KEEP_DAYS after sending: the
     * links in it (confirm, sign in, unsubscribe) are not kept at rest; who, what and when are.
     */
    bodyRemovedAt: integer('body_removed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex('email_outbox_idempotency_key_unique').on(t.idempotencyKey),
    index('email_outbox_sent_at_idx').on(t.sentAt),
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('email_outbox_recipient_idx').on(t.recipient),
    index('email_outbox_ref_idx').on(t.ref),
    index('email_outbox_kind_created_idx').on(t.kind, t.createdAt),
    index('email_outbox_group_status_idx').on(t.groupKey, t.status),
    index('email_outbox_provider_id_idx').on(t.providerId),
    index('email_outbox_batch_key_idx').on(t.batchKey),
  ],
);

/** A rendered email shared by many outbox rows; placeholders are filled in per recipient at send time. */
/**
 * What happened to an outbox email besides the happy path its own columns record (queued at
 * created_at, sent at sent_at): failed attempts, giving up, a staff retry, cancelling, and the
 * provider's reports (delivered, bounced…). The outbox page shows them as the email's history.
 */
export const emailEvents = sqliteTable(
  'email_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    outboxId: integer('outbox_id')
      .notNull()
      .references(() => emailOutbox.id, { onDelete: 'cascade' }),
    /** 'attempt failed', 'failed', 'retried', 'cancelled', or the provider's word ('delivered', 'bounced'…). */
    event: text('event').notNull(),
    detail: text('detail'),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('email_events_outbox_idx').on(t.outboxId, t.at)],
);

export const sharedEmails = sqliteTable('shared_emails', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  subject: text('subject').notNull(),
  html: text('html').notNull(),
  text: text('text').notNull(),
  headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
  createdAt: createdAt(),
});

/** One row: when the next email may leave, shared by every deliverer so the rate holds overall. */
export const mailRate = sqliteTable('mail_rate', {
  id: integer('id').primaryKey(),
  nextSlotAt: integer('next_slot_at').notNull().default(0),
});

export type OutboxEmail = typeof emailOutbox.$inferSelect;

/** `reported`: taken off the public page by readers' reports (COMMENT_HIDE_AFTER_REPORTS) until a moderator decides. */
export const COMMENT_STATUSES = ['pending', 'approved', 'reported', 'spam', 'trash'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/**
 * Reader comments. `authorEmail`, `ipHash` and `userAgent` are private: public queries never
 * select them (lib/comments/queries.ts), only moderators see them.
 */
export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    // Deleting a comment for good keeps its replies; they move up to the top level.
    parentId: integer('parent_id').references((): AnySQLiteColumn => comments.id, { onDelete: 'set null' }),
    /** 1 for top level, at most 3. */
    depth: integer('depth').notNull().default(1),
    authorName: text('author_name').notNull(),
    authorEmail: text('author_email').notNull(),
    authorUrl: text('author_url'),
    body: text('body').notNull(),
    status: text('status', { enum: COMMENT_STATUSES }).notNull().default('pending'),
    /** Why the rules held or flagged it (e.g. "3 links", "blocked word: casino"). */
    heldReasons: text('held_reasons', { mode: 'json' }).$type<string[]>().notNull().default([]),
    ipHash: text('ip_hash'),
    userAgent: text('user_agent'),
    /** Posted by staff from the dashboard; shown with a Staff badge. */
    isStaff: integer('is_staff', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
    moderatedAt: integer('moderated_at', { mode: 'timestamp_ms' }),
    moderatedBy: text('moderated_by'),
    /** The author asked to be emailed when a reply to this comment is published (lib/comments/notifications.ts). */
    notifyReplies: integer('notify_replies', { mode: 'boolean' }).notNull().default(false),
    /**
     * Posted from a browser holding the address's credential: only then is the author known to own
     * the address (anyone can type one), so only then does spam on it cost the owner their trust.
     */
    proven: integer('proven', { mode: 'boolean' }).notNull().default(false),
    /**
     * Set when the author had their data erased while approved replies hung from this comment: the
     * row stays, emptied (no name, email, text or address), so the thread still reads, and shows
     * "Comment removed at the author's request." (lib/privacy/erase.ts).
     */
    erasedAt: integer('erased_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('comments_article_status_created_idx').on(t.articleId, t.status, t.createdAt),
    index('comments_status_created_idx').on(t.status, t.createdAt),
    index('comments_email_created_idx').on(t.authorEmail, t.createdAt),
    index('comments_ip_created_idx').on(t.ipHash, t.createdAt),
    index('comments_parent_idx').on(t.parentId),
  ],
);

/** auto: trusted once COMMENT_TRUST_AFTER comments are approved; or set by a moderator either way. */
export const COMMENTER_TRUST = ['auto', 'always-moderate', 'trusted'] as const;
export type CommenterTrust = (typeof COMMENTER_TRUST)[number];

/**
 * Commenters' addresses that someone asked to prove (lib/comments/commenters.ts): the live
 * confirmation token (a hash; at most one email a day), when it was first proven, the trust a
 * moderator set, and whether every reply notification is off. Browsers that proved it hold a
 * credential (commenter_credentials).
 */
export const commenters = sqliteTable(
  'commenters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Lower case, as comments store it. */
    email: text('email').notNull(),
    /** The name last used with a credential, for "Commenting as …". */
    name: text('name'),
    provenAt: integer('proven_at', { mode: 'timestamp_ms' }),
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: integer('confirm_expires_at', { mode: 'timestamp_ms' }),
    confirmSentAt: integer('confirm_sent_at', { mode: 'timestamp_ms' }),
    trust: text('trust', { enum: COMMENTER_TRUST }).notNull().default('auto'),
    trustSetBy: text('trust_set_by'),
    trustSetAt: integer('trust_set_at', { mode: 'timestamp_ms' }),
    /** "Stop every reply notification". */
    repliesOff: integer('replies_off', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('commenters_email_unique').on(t.email), uniqueIndex('commenters_confirm_token_unique').on(t.confirmTokenHash)],
);

/** A browser's proof of a commenter's address: a random token it keeps in a cookie, stored here as a hash. */
export const commenterCredentials = sqliteTable(
  'commenter_credentials',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commenterId: integer('commenter_id')
      .notNull()
      .references(() => commenters.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('commenter_credentials_token_unique').on(t.tokenHash),
    index('commenter_credentials_commenter_idx').on(t.commenterId),
  ],
);

/**
 * One row per published reply whose parent's author asked to hear of replies: written when the
 * reply becomes visible (so never twice), emailed at once or, past three an hour, in a digest.
 */
export const replyNotifications = sqliteTable(
  'reply_notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    replyId: integer('reply_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    commenterId: integer('commenter_id')
      .notNull()
      .references(() => commenters.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** When it went, alone or in a digest; null while it waits for the digest. */
    emailedAt: integer('emailed_at', { mode: 'timestamp_ms' }),
    /** The email it went in (a digest's rows share one): the hour's emails are counted by it. */
    outboxId: integer('outbox_id'),
  },
  (t) => [
    uniqueIndex('reply_notifications_reply_unique').on(t.replyId),
    index('reply_notifications_commenter_idx').on(t.commenterId, t.emailedAt),
  ],
);

export const BLOCKLIST_KINDS = ['email', 'ip', 'word'] as const;
export type BlocklistKind = (typeof BLOCKLIST_KINDS)[number];

export const blocklist = sqliteTable(
  'blocklist',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: BLOCKLIST_KINDS }).notNull(),
    /** Lower-cased email, an IP hash, or a lower-cased word. */
    value: text('value').notNull(),
    note: text('note'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('blocklist_kind_value_unique').on(t.kind, t.value)],
);

/** Every moderation decision: who did what to which comments, and when. */
export const moderationLog = sqliteTable(
  'moderation_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    commentIds: text('comment_ids', { mode: 'json' }).$type<number[]>().notNull().default([]),
    detail: text('detail'),
    /** Where in the dashboard the thing acted on is (an article's editor, a site page…), if anywhere. */
    link: text('link'),
    createdAt: createdAt(),
  },
  (t) => [index('moderation_log_created_idx').on(t.createdAt), index('moderation_log_actor_idx').on(t.actor, t.createdAt)],
);

export type Comment = typeof comments.$inferSelect;
export type NewComment = typeof comments.$inferInsert;

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'bounced', 'complained'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

/** Newsletter subscribers. Confirmation tokens are stored only as SHA-256 hashes. */
export const subscribers = sqliteTable(
  'subscribers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Trimmed, domain lower-cased and in punycode (lib/newsletter/email.ts). */
    email: text('email').notNull(),
    status: text('status', { enum: SUBSCRIBER_STATUSES }).notNull().default('pending'),
    confirmTokenHash: text('confirm_token_hash'),
    confirmTokenExpiresAt: integer('confirm_token_expires_at', { mode: 'timestamp_ms' }),
    confirmTokenUsedAt: integer('confirm_token_used_at', { mode: 'timestamp_ms' }),
    /** Random, per subscriber, never expires: the one-click unsubscribe link in every email. */
    unsubscribeToken: text('unsubscribe_token').notNull(),
    consentSource: text('consent_source'),
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }),
    ipHash: text('ip_hash'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
    unsubscribedAt: integer('unsubscribed_at', { mode: 'timestamp_ms' }),
    bouncedAt: integer('bounced_at', { mode: 'timestamp_ms' }),
    complainedAt: integer('complained_at', { mode: 'timestamp_ms' }),
    /** Every section, including ones added later (the sign-up default); false: those in subscriber_sections. */
    allSections: integer('all_sections', { mode: 'boolean' }).notNull().default(true),
    /** Issues that start sending before this time skip the subscriber ("pause for a month"). */
    pausedUntil: integer('paused_until', { mode: 'timestamp_ms' }),
    /**
     * An address change waiting for the new address to confirm it; `email` stays the old one until
     * then. The token, as for sign-up, is stored only as a hash.
     */
    newEmail: text('new_email'),
    newEmailTokenHash: text('new_email_token_hash'),
    newEmailExpiresAt: integer('new_email_expires_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('subscribers_email_unique').on(t.email),
    uniqueIndex('subscribers_new_email_token_unique').on(t.newEmailTokenHash),
    uniqueIndex('subscribers_confirm_token_unique').on(t.confirmTokenHash),
    uniqueIndex('subscribers_unsubscribe_token_unique').on(t.unsubscribeToken),
    index('subscribers_status_idx').on(t.status, t.createdAt),
    // The dashboard lists everyone newest first; without it page 1 sorts the whole table.
    index('subscribers_created_idx').on(t.createdAt, t.id),
  ],
);

export type Subscriber = typeof subscribers.$inferSelect;

/** The sections a subscriber chose when `subscribers.all_sections` is false. */
export const subscriberSections = sqliteTable(
  'subscriber_sections',
  {
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.sectionId] }), index('subscriber_sections_section_idx').on(t.sectionId, t.subscriberId)],
);

/**
 * Addresses whose owner had their data erased, kept only as a keyed hash of the mailbox
 * (lib/privacy/suppression.ts): no staff action or import may add them back. A new sign-up through
 * the double opt-in is new consent: confirming it lifts the entry.
 */
export const emailSuppressions = sqliteTable('email_suppressions', {
  hash: text('hash').primaryKey(),
  reason: text('reason').notNull(),
  createdAt: createdAt(),
});

/**
 * "My data" requests (lib/privacy/requests.ts): the emailed link (single use, one hour), and once
 * its button is pressed, the browser session that may read, download and erase that address's
 * data. Tokens are stored as hashes; rows are deleted when they expire and on erasure.
 */
export const dataRequests = sqliteTable(
  'data_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }),
    sessionHash: text('session_hash'),
    sessionExpiresAt: integer('session_expires_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('data_requests_token_unique').on(t.tokenHash),
    uniqueIndex('data_requests_session_unique').on(t.sessionHash),
    index('data_requests_email_idx').on(t.email),
    index('data_requests_expires_idx').on(t.expiresAt),
  ],
);

/** Hits counted by lib/security/rate-limit.ts: one row per attempt, pruned by the sweep. */
export const rateLimitHits = sqliteTable(
  'rate_limit_hits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('rate_limit_hits_lookup_idx').on(t.bucket, t.key, t.at), index('rate_limit_hits_at_idx').on(t.at)],
);

// Auth.js (next-auth v5) tables for staff sign-in, in the shape @auth/drizzle-adapter expects.
/** admin: everything, and staff; editor: articles and pictures; moderator: comments. */
export const STAFF_ROLES = ['admin', 'editor', 'moderator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const users = sqliteTable(
  'users',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text('name'),
    email: text('email').notNull(),
    emailVerified: integer('email_verified', { mode: 'timestamp_ms' }),
    image: text('image'),
    /** Staff role; null means no access (a removed staff member's row may remain for the log). */
    role: text('role', { enum: STAFF_ROLES }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export const accounts = sqliteTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<'email' | 'oauth' | 'oidc' | 'webauthn'>().notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index('accounts_user_idx').on(t.userId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    sessionToken: text('session_token').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expires: integer('expires', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const verificationTokens = sqliteTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: integer('expires', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export type User = typeof users.$inferSelect;

export const ISSUE_STATUSES = ['draft', 'sending', 'sent'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** A newsletter issue: an introduction and a list of articles, sent once to every confirmed subscriber. */
export const newsletterIssues = sqliteTable(
  'newsletter_issues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subject: text('subject').notNull(),
    /** Markdown. */
    intro: text('intro').notNull().default(''),
    status: text('status', { enum: ISSUE_STATUSES }).notNull().default('draft'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    /** Set when Send was confirmed; recipients are those confirmed at that moment. */
    sendStartedAt: integer('send_started_at', { mode: 'timestamp_ms' }),
    sentBy: text('sent_by'),
    recipientCount: integer('recipient_count'),
    sharedEmailId: integer('shared_email_id').references(() => sharedEmails.id, { onDelete: 'restrict' }),
    /** The last subscriber id whose email was queued: queuing resumes from here after a restart. */
    queuedThroughSubscriberId: integer('queued_through_subscriber_id').notNull().default(0),
    queuedAt: integer('queued_at', { mode: 'timestamp_ms' }),
    /** Null: every subscriber; else only those who chose this section (or all sections). */
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'restrict' }),
  },
  (t) => [index('newsletter_issues_status_idx').on(t.status, t.sendStartedAt)],
);

export const newsletterIssueArticles = sqliteTable(
  'newsletter_issue_articles',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => newsletterIssues.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.articleId] })],
);

/** Webhook deliveries already handled (Svix message ids), so a replay changes nothing. */
export const webhookEvents = sqliteTable('webhook_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
});

export type NewsletterIssue = typeof newsletterIssues.$inferSelect;

export const BACKUP_STATUSES = ['running', 'ok', 'failed'] as const;
export type BackupStatus = (typeof BACKUP_STATUSES)[number];

/**
 * Every backup taken, scheduled by a server or by `npm run backup` (db/backup.ts): where it went,
 * how it ended, and its size. A scheduled one is claimed by inserting its row, so two server
 * processes never take the same one; the dashboard shows the last.
 */
export const backups = sqliteTable(
  'backups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trigger: text('trigger', { enum: ['scheduled', 'manual'] }).notNull(),
    status: text('status', { enum: BACKUP_STATUSES }).notNull(),
    path: text('path').notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    bytes: integer('bytes'),
    /** What was checked (rows per table, pictures), or why it failed. */
    detail: text('detail'),
  },
  (t) => [index('backups_started_at_idx').on(t.startedAt)],
);
export type BackupRow = typeof backups.$inferSelect;
