import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { deliverDueEmails } from '@/lib/mail/deliver';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabaseIfEmpty } from '@/db/seed';
import {
  articles,
  commenterCredentials,
  commenters,
  comments,
  emailOutbox,
  moderationLog,
  replyNotifications,
  type CommentStatus,
} from '@/db/schema';
import { commenterLinkToken } from './commenter-links';
import {
  confirmCommenter,
  credentialOwner,
  inspectCommenterToken,
  requestCommenterConfirmation,
  trustStanding,
  TRUST_WINDOW_MS,
} from './commenters';
import { moderateComments, replyAsStaff } from './moderation';
import { followForgetLink, followStopLink, MAX_PER_HOUR, recordReplyNotifications, sendDueReplyNotifications } from './notifications';
import { commentInputSchema, createFormStamp } from './rules';
import { storeComment } from './store';

// Commenters who prove their address, on a real SQLite file: proof per browser, trust and its
// window, what spam takes away, and reply notifications (once per reply, a digest past three an
// hour). COMMENT_TRUST_AFTER is its default, 2.

const db = () => getDb();
const unique = () => randomUUID().slice(0, 8);
const SECRET = 'unit-test-secret-0123456789abcdef';
let slug = '';
let articleId = 0;
let clock = Date.now() + 30 * 86_400_000;
const later = () => new Date((clock += 120_000));

beforeAll(() => {
  migrateDatabase();
  seedDatabaseIfEmpty();
  const a = db().select({ id: articles.id, slug: articles.slug }).from(articles).where(eq(articles.status, 'published')).get()!;
  slug = a.slug;
  articleId = a.id;
});

// Moderating kicks the notification and mail passes after the response (at once here): let the
// last of them finish before the file's database goes.
afterAll(async () => {
  await sendDueReplyNotifications();
  await deliverDueEmails();
});

const address = () => `commenter-${unique()}@example.org`;
const emailsTo = (to: string) => db().select().from(emailOutbox).where(eq(emailOutbox.recipient, to)).orderBy(emailOutbox.id).all();

/** The token in the latest confirmation email to the address. */
function confirmTokenOf(email: string): string {
  const text = emailsTo(email)
    .filter((e) => e.kind === 'commenter_confirm')
    .at(-1)!.text;
  return /token=([A-Za-z0-9_-]{43})/.exec(text)![1]!;
}

/** An address proven from one browser: its credential. */
async function proven(email = address(), now = new Date()): Promise<{ email: string; credential: string }> {
  await requestCommenterConfirmation({ email, now });
  const outcome = confirmCommenter(confirmTokenOf(email), now);
  if (!outcome.ok) throw new Error(outcome.state);
  return { email, credential: outcome.credential };
}

function addComment(
  email: string,
  status: CommentStatus,
  { parentId = null as number | null, at = new Date(), notify = false, proven = false } = {},
) {
  return db()
    .insert(comments)
    .values({
      articleId,
      parentId,
      authorName: `Name ${email}`,
      authorEmail: email,
      body: `Words ${unique()}`,
      status,
      notifyReplies: notify,
      proven,
      createdAt: at,
      moderatedAt: at,
    })
    .returning({ id: comments.id })
    .get().id;
}

function post(email: string, { provenEmail = null as string | null, body = `A fresh thought ${unique()}.`, parentId = '' } = {}) {
  const now = later();
  return storeComment({
    articleSlug: slug,
    input: commentInputSchema.parse({ name: 'Regular Reader', email, website: '', body, parentId }),
    stamp: createFormStamp(SECRET, now.getTime() - 10_000),
    stampKey: SECRET,
    ipHash: `ip-${unique()}`,
    ipRangeHash: null,
    userAgent: 'UA',
    provenEmail,
    now,
  });
}

describe('proving an address from a browser', () => {
  it('sends one confirmation a day, and its link proves the address once, for the browser that presses the button', async () => {
    const email = address();
    expect(await requestCommenterConfirmation({ email })).toBe('sent');
    expect(await requestCommenterConfirmation({ email })).toBe('recently-sent');
    expect(emailsTo(email).map((e) => e.subject)).toEqual(["Confirm your email for The Ledger's comments"]);
    const token = confirmTokenOf(email);
    expect(inspectCommenterToken(token)).toBe('valid');
    const outcome = confirmCommenter(token);
    if (!outcome.ok) throw new Error(outcome.state);
    expect(credentialOwner(outcome.credential)).toMatchObject({ email });
    expect(confirmCommenter(token)).toEqual({ ok: false, state: 'invalid' });
    expect(credentialOwner('not-a-credential')).toBeNull();
    // A day later another link may go.
    expect(await requestCommenterConfirmation({ email, now: new Date(Date.now() + 25 * 3600_000) })).toBe('sent');
  });

  it('refuses an expired link', async () => {
    const email = address();
    const start = new Date(Date.now() - 3 * 86_400_000);
    await requestCommenterConfirmation({ email, now: start });
    expect(confirmCommenter(confirmTokenOf(email))).toEqual({ ok: false, state: 'expired' });
  });
});

describe('trust', () => {
  it('comes with COMMENT_TRUST_AFTER approved comments on a proven address, and not before', async () => {
    const { email } = await proven();
    addComment(email, 'approved');
    expect(trustStanding(db(), email)).toMatchObject({ proven: true, approved: 1, trusted: false });
    addComment(email, 'approved');
    expect(trustStanding(db(), email).trusted).toBe(true);
    const unproven = address();
    addComment(unproven, 'approved');
    addComment(unproven, 'approved');
    expect(trustStanding(db(), unproven)).toMatchObject({ proven: false, trusted: false });
  });

  it('is shut by a spam or trashed comment of the last 90 days, not an older one', async () => {
    const { email } = await proven();
    addComment(email, 'approved');
    addComment(email, 'approved');
    addComment(email, 'spam', { at: new Date(Date.now() - TRUST_WINDOW_MS - 86_400_000) });
    expect(trustStanding(db(), email).trusted).toBe(true);
    addComment(email, 'trash', { at: new Date(Date.now() - TRUST_WINDOW_MS + 86_400_000) });
    expect(trustStanding(db(), email)).toMatchObject({ recentStrikes: 1, trusted: false });
  });

  it('follows a moderator’s mark: Trusted without the count, Always moderate whatever the count', async () => {
    const { email } = await proven();
    db().update(commenters).set({ trust: 'trusted' }).where(eq(commenters.email, email)).run();
    expect(trustStanding(db(), email).trusted).toBe(true);
    addComment(email, 'approved');
    addComment(email, 'approved');
    db().update(commenters).set({ trust: 'always-moderate' }).where(eq(commenters.email, email)).run();
    expect(trustStanding(db(), email).trusted).toBe(false);
  });

  it('publishes at once only from the browser that proved the address, and only what the rules let through', async () => {
    const { email } = await proven();
    addComment(email, 'approved');
    addComment(email, 'approved');
    expect(post(email, { provenEmail: email })).toMatchObject({ ok: true, status: 'approved' });
    // Another browser, the same address: moderated as before.
    expect(post(email)).toMatchObject({ ok: true, status: 'pending' });
    // The rules still hold a comment first.
    expect(post(email, { provenEmail: email, body: 'Links http://a.example http://b.example http://c.example' })).toMatchObject({
      status: 'pending',
    });
  });

  it('is withdrawn, with every credential, when a moderator marks a comment it published as spam', async () => {
    const { email, credential } = await proven();
    addComment(email, 'approved');
    addComment(email, 'approved');
    db().update(commenters).set({ trust: 'trusted' }).where(eq(commenters.email, email)).run();
    const outcome = post(email, { provenEmail: email });
    if (!outcome.ok || outcome.id === null) throw new Error('not stored');
    expect(outcome.status).toBe('approved');
    moderateComments({ ids: [outcome.id], action: 'spam', actor: 'moderator@ledger.test' });
    expect(credentialOwner(credential)).toBeNull();
    expect(trustStanding(db(), email)).toMatchObject({ trust: 'auto', trusted: false });
    const log = db().select().from(moderationLog).orderBy(desc(moderationLog.id)).limit(2).all();
    expect(log.map((l) => l.action)).toEqual(['spam', 'commenter-trust-withdrawn']);
    expect(post(email, { provenEmail: email })).toMatchObject({ status: 'pending' });
  });

  it('"Forget this browser" from an email revokes every credential of the address', async () => {
    const first = await proven();
    const commenterId = db().select({ id: commenters.id }).from(commenters).where(eq(commenters.email, first.email)).get()!.id;
    expect(followForgetLink('forged.token')).toBe('invalid');
    expect(followForgetLink(commenterLinkToken('forget', commenterId))).toBe('stopped');
    expect(credentialOwner(first.credential)).toBeNull();
    expect(
      db()
        .select()
        .from(commenterCredentials)
        .where(eq(commenterCredentials.commenterId, commenterId))
        .all()
        .every((c) => c.revokedAt),
    ).toBe(true);
  });
});

describe('reply notifications', () => {
  /** A proven author's approved comment that asked for replies, and someone else's reply to it. */
  async function thread({ notify = true } = {}) {
    const author = await proven();
    // Asked from the browser that proved the address.
    const parent = addComment(author.email, 'approved', { notify, proven: true });
    return {
      author,
      parent,
      reply: (status: CommentStatus = 'pending', email = address()) => addComment(email, status, { parentId: parent }),
    };
  }
  const rowsFor = (replyId: number) => db().select().from(replyNotifications).where(eq(replyNotifications.replyId, replyId)).all();

  it('owes one notification when a moderator approves a reply, never a second', async () => {
    const t = await thread();
    const reply = t.reply();
    moderateComments({ ids: [reply], action: 'approve', actor: 'moderator@ledger.test' });
    moderateComments({ ids: [reply], action: 'unapprove', actor: 'moderator@ledger.test' });
    moderateComments({ ids: [reply], action: 'approve', actor: 'moderator@ledger.test' });
    expect(rowsFor(reply)).toHaveLength(1);
  });

  it('owes nothing for a pending or spam reply, one’s own reply, a comment that did not ask, or an unproven author', async () => {
    const t = await thread();
    const pending = t.reply('pending');
    const spam = t.reply('spam');
    const own = t.reply('approved', t.author.email);
    expect(recordReplyNotifications(db(), [pending, spam, own])).toBe(0);
    const quiet = await thread({ notify: false });
    expect(recordReplyNotifications(db(), [quiet.reply('approved')])).toBe(0);
    const unprovenParent = addComment(address(), 'approved', { notify: true });
    expect(recordReplyNotifications(db(), [addComment(address(), 'approved', { parentId: unprovenParent })])).toBe(0);
  });

  it('ignores a request typed under a proven address from another browser, and its spam costs the owner nothing', async () => {
    const owner = await proven();
    addComment(owner.email, 'approved');
    addComment(owner.email, 'approved');
    const impostor = addComment(owner.email, 'approved', { notify: true, at: new Date(Date.now() + 60_000) });
    expect(recordReplyNotifications(db(), [addComment(address(), 'approved', { parentId: impostor })])).toBe(0);
    moderateComments({ ids: [impostor], action: 'spam', actor: 'moderator@ledger.test' });
    expect(credentialOwner(owner.credential)).not.toBeNull();
    // The request made before the address was proven (the one that asked for the proof) counts.
    const early = address();
    const asked = addComment(early, 'approved', { notify: true, at: new Date(Date.now() - 60_000) });
    await proven(early);
    expect(recordReplyNotifications(db(), [addComment(address(), 'approved', { parentId: asked })])).toBe(1);
  });

  it('tells of a staff reply too', async () => {
    const t = await thread();
    const staff = replyAsStaff({
      parentId: t.parent,
      body: 'Thanks, we have corrected it.',
      actor: 'editor@ledger.test',
      name: 'The editors',
    });
    if (!staff.ok) throw new Error(staff.message);
    expect(rowsFor(staff.id)).toHaveLength(1);
  });

  it('sends up to three an hour one by one, then one digest of what waits, then waits for room', async () => {
    const t = await thread();
    const now = new Date(Date.now() + 200 * 86_400_000);
    const approveReplies = (n: number) => {
      const ids = Array.from({ length: n }, () => t.reply('approved'));
      recordReplyNotifications(db(), ids, now);
      return ids;
    };
    const sentTo = () => emailsTo(t.author.email).filter((e) => e.kind.startsWith('comment_reply'));

    approveReplies(2);
    await sendDueReplyNotifications(now);
    expect(sentTo().map((e) => e.kind)).toEqual(['comment_reply', 'comment_reply']);
    const single = sentTo()[0]!;
    expect(single.subject).toMatch(/^Name .* replied to your comment on “/);
    expect(single.text).toContain('#comment-');
    expect(single.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    approveReplies(3);
    await sendDueReplyNotifications(new Date(now.getTime() + 60_000));
    expect(sentTo().map((e) => e.kind)).toEqual(['comment_reply', 'comment_reply', 'comment_reply_digest']);
    expect(sentTo().at(-1)!.subject).toBe('3 new replies to your comments');

    const waiting = approveReplies(1);
    await sendDueReplyNotifications(new Date(now.getTime() + 120_000));
    expect(sentTo()).toHaveLength(MAX_PER_HOUR);
    expect(rowsFor(waiting[0]!)[0]!.emailedAt).toBeNull();
    // An hour after the first two, there is room again.
    await sendDueReplyNotifications(new Date(now.getTime() + 61 * 60_000));
    expect(sentTo()).toHaveLength(MAX_PER_HOUR + 1);
  });

  it('announces nothing for a reply taken down before its email went', async () => {
    const t = await thread();
    const reply = t.reply('approved');
    recordReplyNotifications(db(), [reply]);
    db().update(comments).set({ status: 'spam' }).where(eq(comments.id, reply)).run();
    await sendDueReplyNotifications();
    expect(emailsTo(t.author.email).filter((e) => e.kind.startsWith('comment_reply'))).toEqual([]);
    expect(rowsFor(reply)[0]!.emailedAt).not.toBeNull();
  });

  it('stops for one comment, or for all, by the signed links; a forged link changes nothing', async () => {
    const t = await thread();
    expect(followStopLink('thread', `${t.parent}.forged`)).toBe('invalid');
    expect(followStopLink('thread', commenterLinkToken('thread', t.parent))).toBe('stopped');
    expect(recordReplyNotifications(db(), [t.reply('approved')])).toBe(0);

    const u = await thread();
    const commenterId = db().select({ id: commenters.id }).from(commenters).where(eq(commenters.email, u.author.email)).get()!.id;
    expect(followStopLink('all', commenterLinkToken('thread', commenterId))).toBe('invalid');
    expect(followStopLink('all', commenterLinkToken('all', commenterId))).toBe('stopped');
    expect(recordReplyNotifications(db(), [u.reply('approved')])).toBe(0);
    expect(
      db()
        .select()
        .from(commenters)
        .where(and(eq(commenters.id, commenterId), eq(commenters.repliesOff, true)))
        .all(),
    ).toHaveLength(1);
  });
});
