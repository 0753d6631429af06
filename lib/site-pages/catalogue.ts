// The pages a reader checks before trusting a publication. The set is fixed: each has its address,
// its place in the footer, and a first version, shown until an editor saves their own in the
// dashboard (/admin/pages). No database access here: the footer and the client use it too.

export const SITE_PAGE_SLUGS = ['about', 'contact', 'corrections', 'privacy', 'comment-policy'] as const;
export type SitePageSlug = (typeof SITE_PAGE_SLUGS)[number];

export function isSitePageSlug(value: string): value is SitePageSlug {
  return (SITE_PAGE_SLUGS as readonly string[]).includes(value);
}

/** Each page lives at the site's root: /about, /privacy… */
export const sitePagePath = (slug: SitePageSlug) => `/${slug}`;

/** The words a link to the page uses (footer, dashboard list). */
export const SITE_PAGE_LINK_TEXT: Record<SitePageSlug, string> = {
  about: 'About us',
  contact: 'Contact',
  corrections: 'Corrections',
  privacy: 'Privacy',
  'comment-policy': 'Comment policy',
};

/** What the page is for, said in the dashboard above its editor. */
export const SITE_PAGE_PURPOSE: Record<SitePageSlug, string> = {
  about: 'Who runs the publication, what it covers, how it is paid for and who decides what is published.',
  contact: 'How readers reach the newsroom: tips, corrections, comments, the newsletter, post.',
  corrections: 'How errors are put right, and where the corrected articles are listed.',
  privacy: 'What is stored about readers, commenters and subscribers, for how long, and their rights. Linked under every form.',
  'comment-policy': 'What moderators publish and what they remove. Linked under the comment form.',
};

export interface SitePageText {
  title: string;
  body: string;
}

/** The first version of each page, for a site called `siteName` at `postalAddress`. */
export function firstVersion(slug: SitePageSlug, { siteName, postalAddress }: { siteName: string; postalAddress: string }): SitePageText {
  switch (slug) {
    case 'about':
      return {
        title: `About ${siteName}`,
        body: `${siteName} is an independent publication on technology in the public sector: digital government, procurement, councils, cyber security, data and health IT.

We report on how public money is spent on technology and whether the services it buys work for the people who depend on them. We read the contracts, the audits and the board papers so our readers do not have to.

## Who decides what we publish

Our editors decide what we publish. No advertiser, supplier or public body sees an article before it is published or can ask us to change it.

## How we are paid for

We carry no advertising and no tracking. The site and the newsletter are free to read.

## Getting in touch

See [Contact](/contact). If we got something wrong, see [Corrections](/corrections).`,
      };
    case 'contact':
      return {
        title: 'Contact us',
        body: `## Tips and stories

If you know something we should report, write to the newsroom. We protect our sources: tell us if you need us to, and we will agree how to keep in touch safely before you send anything.

## Corrections

If we got a fact wrong, tell us which article and what is wrong. Our [corrections policy](/corrections) says what happens next.

## Comments and the newsletter

Questions about a comment go to the moderators; see our [comment policy](/comment-policy). Every newsletter email has a one-click unsubscribe link.

## By post

${postalAddress}`,
      };
    case 'corrections':
      return {
        title: 'Corrections',
        body: `We correct errors of fact as soon as we know of them, and we say so.

- A correction is added at the end of the article, with its date, saying what was wrong and what is right.
- A small change that does not alter the meaning (a typo, a broken link) is made without a note.
- We do not delete articles to hide mistakes. An article we can no longer stand behind is withdrawn with a note saying why.

To report an error, see [Contact](/contact), with the article's address and what is wrong.`,
      };
    case 'privacy':
      return {
        title: 'Privacy',
        body: `${siteName} is run from ${postalAddress}. This page says what we hold about you and why.

## Reading the site

Reading sets no cookie and runs no analytics, advertising or third-party script.

## Comments

When you comment we store your name, your email address, the website you give (if any), what you wrote, and a salted hash of your IP address (used to stop abuse; it cannot be turned back into the address). Your name, website and comment are published once a moderator approves them. **Your email address is never published** and is seen only by our moderators. Ticking "Save my name, email, and website in this browser" keeps them in your browser only, never on our server. If you confirm your email for comments (to hear of replies, or so that your comments appear at once once our moderators trust you), the browser you confirm from keeps one cookie that proves it; every email about replies lets you stop them or make every browser forget your address.

## The newsletter

If you subscribe, we store your email address and when and how you confirmed it (we only send to addresses that clicked the link in our confirmation email). Every email has a one-click unsubscribe link; once you leave, we send you nothing more. Emails are sent through our email provider, which processes your address on our behalf only.

## How long we keep it

Comments stay with the article they were written under. Copies of the emails we send are kept for a few days, then only their subject, recipient and delivery status. Subscriber records are kept while you are subscribed, and the fact that you left is kept so we never write to you again.

## Your rights

At [My data](/my-data) you can see everything we hold for your email address, download it as a file, and erase it, without an account: we email you a link that works once, for an hour. Erasing deletes your comments (one that others answered reads "Comment removed at the author's request." so their replies still make sense), your subscription and the record of your consent, and takes your address out of our email records; we keep only a salted hash of it, so nobody adds it to our lists again without you. You may also write to us (see [Contact](/contact)) from the address concerned, or ask us to correct what we hold. You can complain to your data protection authority.`,
      };
    case 'comment-policy':
      return {
        title: 'Comment policy',
        body: `We want the comments to be worth reading. Every comment is read by a moderator before it is published.

## What we publish

Comments on the article's subject, including sharp disagreement with us or with other readers, argued in good faith.

## What we remove

- Abuse, harassment, threats, and attacks on people for who they are.
- Personal information about anyone, including yourself.
- Spam, advertising and links placed to promote something.
- Anything we could not lawfully publish: defamation, contempt of court, copyright infringement.

Comments that contain links, or words on our list, wait a little longer for a moderator. We do not edit comments; we publish them as written or not at all. Moderators' decisions are final, but if you think one was wrong, see [Contact](/contact).

Your email address is never published. See our [privacy page](/privacy).`,
      };
  }
}
