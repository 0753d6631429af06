import { count, eq, like } from 'drizzle-orm';
import { emailOutbox, subscribers } from '../db/schema';
import { uniqueClientIp } from '../test/support/client-ip';
import { test as base, expect as baseExpect } from './support/fixtures';
import { linkIn } from './support/mailbox';
import { listPublished } from './support/site-content';
import {
  ALREADY_SUBJECT,
  CONFIRMED,
  CONFIRM_SUBJECT,
  confirmationLink,
  emailFieldValue,
  footerNewsletter,
  newAddress,
  outboxRows,
  postSignUpForm,
  signUpInFooter,
  SUCCESS,
  subscriberRow,
  WELCOME_SUBJECT,
} from './support/newsletter';

// Double opt-in that bots and link scanners cannot fake, and one-click unsubscribe, with
// the fake Resend API standing in for the provider.

const ONE_ADDRESS = 'Please enter one email address only.';
const ADDRESS_LIMIT = 'We have already sent several confirmation emails to this address today.';
const IP_LIMIT = 'Too many sign-ups have come from your network in the last hour.';

// Each test comes from its own network, so the per-IP limit never trips across tests.
// The machine is shared and slow: a sign-up renders two emails, so allow its answer time.
const expect = baseExpect.configure({ timeout: 15_000 });

const test = base.extend({
  // (`provide`, not `use`: the React hooks lint rule would take it for React's use().)
  extraHTTPHeaders: async ({ clientIp }, provide) => {
    await provide({ 'X-Forwarded-For': clientIp });
  },
});

// Journeys wait for email through retries on a shared, busy machine.
test.describe.configure({ timeout: 120_000 });

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
const oneClickUrlOf = (listUnsubscribe: string) => /<(https?:\/\/[^>]+)>/.exec(listUnsubscribe)?.[1] ?? '';

test('sign up in the footer, confirm from the email, get the welcome email, leave with one click', async ({
  page,
  mailbox,
  siteDb,
  settings,
  playwright,
}) => {
  const email = newAddress();
  await page.goto('/');

  // Hold the action's request a moment so the working state can be seen.
  await page.route('**/*', async (route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  const box = footerNewsletter(page);
  await box.getByLabel('Email address').fill(email);
  await box.getByRole('button', { name: 'Subscribe' }).click();
  await expect(box.getByRole('button', { name: 'Processing…' })).toBeDisabled();
  await expect(box.getByRole('status')).toHaveText(SUCCESS, { timeout: 15_000 });
  await page.unrouteAll({ behavior: 'wait' });

  expect(subscriberRow(siteDb, email)?.status).toBe('pending');
  const confirmation = await mailbox.waitForEmail(email, { subject: CONFIRM_SUBJECT, timeout: 30_000 });
  expect(confirmation.from).toBe('The Ledger <newsroom@ledger.example>');
  const link = linkIn(confirmation, `${settings.siteUrl}/newsletter/confirm?token=`);

  // With scripts on, opening the link is all it takes.
  await page.goto(link);
  await expect(page.getByRole('main').getByText(CONFIRMED)).toBeVisible();
  expect(page.url()).not.toContain(tokenOf(link));
  // What to read next, and no second request to subscribe.
  await expect(page.getByRole('region', { name: 'What to read next' }).getByRole('listitem')).toHaveCount(5);
  await expect(footerNewsletter(page)).toHaveCount(0);
  expect(subscriberRow(siteDb, email)?.status).toBe('confirmed');

  const welcome = await mailbox.waitForEmail(email, { subject: WELCOME_SUBJECT, timeout: 30_000 });
  // It says when the newsletter comes, and lists the latest stories with links to them.
  expect(welcome.text).toContain('every Friday morning');
  const newest = listPublished(siteDb)[0]!;
  expect(welcome.text).toContain(newest.title);
  expect(welcome.text).toContain(`/articles/${newest.slug}`);
  const listUnsubscribe = welcome.headers['List-Unsubscribe'] ?? '';
  expect(listUnsubscribe).toMatch(
    new RegExp(
      `^<${settings.siteUrl}/api/newsletter/unsubscribe\\?token=[A-Za-z0-9_-]{43}>, <mailto:newsroom@ledger\\.example\\?subject=unsubscribe%20[A-Za-z0-9_-]{43}>$`,
    ),
  );
  expect(welcome.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  expect(welcome.headers['List-Id']).toMatch(/^The Ledger newsletter <newsletter\.localhost>$/);

  // RFC 8058: what a mail client sends, with no cookie.
  const mailClient = await playwright.request.newContext();
  expect((await mailClient.storageState()).cookies).toEqual([]);
  const response = await mailClient.post(oneClickUrlOf(listUnsubscribe), {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'List-Unsubscribe=One-Click',
    maxRedirects: 0,
  });
  expect(response.status()).toBe(200);
  await mailClient.dispose();
  expect(subscriberRow(siteDb, email)?.status).toBe('unsubscribed');
});

test('with JavaScript off: sign up by a plain form post and confirm with the button', async ({
  browser,
  mailbox,
  siteDb,
  settings,
  clientIp,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL: settings.siteUrl,
    extraHTTPHeaders: { 'X-Forwarded-For': clientIp },
  });
  const page = await context.newPage();
  const email = newAddress();

  await page.goto('/');
  const box = await signUpInFooter(page, email);
  await expect(box.getByRole('status')).toHaveText(SUCCESS);

  const link = await confirmationLink(mailbox, settings.siteUrl, email);
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Confirm your subscription', level: 1 })).toBeVisible();
  // Opening the page confirmed nothing.
  expect(subscriberRow(siteDb, email)?.status).toBe('pending');

  await page.getByRole('button', { name: 'Confirm my subscription' }).click();
  await expect(page.getByRole('main').getByText(CONFIRMED)).toBeVisible();
  expect(subscriberRow(siteDb, email)?.status).toBe('confirmed');
  await mailbox.waitForEmail(email, { subject: WELCOME_SUBJECT, timeout: 30_000 });
  await context.close();
});

test('a link scanner fetching the link (GET and HEAD, no scripts) confirms nobody', async ({
  request,
  page,
  playwright,
  mailbox,
  siteDb,
  settings,
}) => {
  const email = newAddress();
  await postSignUpForm(request, { email });
  const link = await confirmationLink(mailbox, settings.siteUrl, email);

  const scanner = await playwright.request.newContext({ userAgent: 'Mozilla/5.0 (compatible; LinkScanner/1.0)' });
  for (let i = 0; i < 2; i++) {
    const get = await scanner.get(link);
    expect(get.status()).toBe(200);
    expect(await get.text()).toContain('Confirm my subscription');
    const head = await scanner.head(link);
    expect(head.status()).toBe(200);
  }
  await scanner.dispose();

  const row = subscriberRow(siteDb, email)!;
  expect(row.status).toBe('pending');
  expect(row.confirmTokenUsedAt).toBeNull();
  expect(outboxRows(siteDb, email).map((r) => r.kind)).toEqual(['newsletter_confirm']);

  // The link still works for the person it was sent to.
  await page.goto(link);
  await expect(page.getByRole('main').getByText(CONFIRMED)).toBeVisible();
  expect(subscriberRow(siteDb, email)?.status).toBe('confirmed');
});

test('expired, altered and reused links show a clear page with a way to get a new link', async ({
  page,
  request,
  mailbox,
  siteDb,
  settings,
}) => {
  const email = newAddress();
  await postSignUpForm(request, { email });
  const first = await confirmationLink(mailbox, settings.siteUrl, email);
  const main = page.getByRole('main');

  // Altered: one character changed.
  const token = tokenOf(first);
  await page.goto(first.replace(token, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`));
  await expect(page.getByRole('heading', { name: 'This link is not valid', level: 1 })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Newsletter' }).getByText('Get a new confirmation link.')).toBeVisible();

  // Expired: 48 hours have passed.
  siteDb
    .update(subscribers)
    .set({ confirmTokenExpiresAt: new Date(Date.now() - 1000) })
    .where(eq(subscribers.email, email))
    .run();
  await page.goto(first);
  await expect(page.getByRole('heading', { name: 'This link has expired', level: 1 })).toBeVisible();
  await expect(main.getByText('Confirmation links work for 48 hours.')).toBeVisible();
  expect(subscriberRow(siteDb, email)?.status).toBe('pending');

  // The page's own form sends a new link, which replaces the old one.
  const box = main.getByRole('region', { name: 'Newsletter' });
  await box.getByLabel('Email address').fill(email);
  await box.getByRole('button', { name: 'Subscribe' }).click();
  await expect(box.getByRole('status')).toHaveText(SUCCESS);
  const second = await confirmationLink(mailbox, settings.siteUrl, email, 2);
  expect(second).not.toBe(first);

  await page.goto(first);
  await expect(page.getByRole('heading', { name: 'This link is not valid', level: 1 })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Newsletter' })).toBeVisible();

  await page.goto(second);
  await expect(main.getByText(CONFIRMED)).toBeVisible();

  // Reused: the link again says it is already done, and sends nothing more.
  await page.goto(second);
  await expect(page.getByRole('heading', { name: 'Already confirmed', level: 1 })).toBeVisible();
  await expect(main.getByText('Your subscription is already confirmed.')).toBeVisible();
  // Posting the same token again (a second click on the button) changes nothing either.
  const again = await request.post('/api/newsletter/confirm', { form: { token: tokenOf(second) }, maxRedirects: 0 });
  expect(again.status()).toBe(303);
  expect(again.headers()['location']).toContain('result=already-confirmed');
  await mailbox.waitForEmail(email, { subject: WELCOME_SUBJECT, timeout: 30_000 });
  expect(outboxRows(siteDb, email).filter((r) => r.kind === 'newsletter_welcome')).toHaveLength(1);
});

test('new, pending, confirmed and unsubscribed addresses get the same answer', async ({ page, request, mailbox, siteDb, settings }) => {
  const [fresh, pending, confirmed, left] = [newAddress('new'), newAddress('pending'), newAddress('confirmed'), newAddress('left')];

  // Put three addresses in their states through the site itself.
  for (const email of [pending, confirmed, left]) await postSignUpForm(request, { email });
  for (const email of [confirmed, left]) {
    const link = await confirmationLink(mailbox, settings.siteUrl, email);
    expect((await request.post('/api/newsletter/confirm', { form: { token: tokenOf(link) }, maxRedirects: 0 })).status()).toBe(303);
  }
  const welcome = await mailbox.waitForEmail(left, { subject: WELCOME_SUBJECT, timeout: 30_000 });
  const oneClick = await request.post(oneClickUrlOf(welcome.headers['List-Unsubscribe'] ?? ''), {
    form: { 'List-Unsubscribe': 'One-Click' },
  });
  expect(oneClick.status()).toBe(200);
  expect([fresh, pending, confirmed, left].map((e) => subscriberRow(siteDb, e)?.status)).toEqual([
    undefined,
    'pending',
    'confirmed',
    'unsubscribed',
  ]);

  // The action's own answer, read as it passes (Chromium does not keep streamed bodies).
  let captured: { status: number; body: string } | undefined;
  await page.route('**/*', async (route) => {
    if (route.request().method() !== 'POST' || !route.request().headers()['next-action']) return route.continue();
    const response = await route.fetch();
    captured = { status: response.status(), body: await response.text() };
    await route.fulfill({ response, body: captured.body });
  });

  const answers: { status: number; body: string; message: string }[] = [];
  for (const email of [fresh, pending, confirmed, left]) {
    captured = undefined;
    await page.goto('/');
    const box = await signUpInFooter(page, email);
    await expect(box.getByRole('status')).toHaveText(SUCCESS);
    expect(captured, 'the server action answered').toBeDefined();
    expect(captured!.body).toContain(SUCCESS);
    expect(captured!.body).not.toContain(email);
    answers.push({ ...captured!, message: (await box.textContent()) ?? '' });
  }
  expect(answers[0]!.status).toBe(200);
  for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);

  // Only the email differs: a new link, or a note that they are already subscribed.
  await mailbox.waitForEmail(fresh, { subject: CONFIRM_SUBJECT, timeout: 30_000 });
  await mailbox.waitForEmail(pending, { subject: CONFIRM_SUBJECT, count: 2, timeout: 30_000 });
  await mailbox.waitForEmail(confirmed, { subject: ALREADY_SUBJECT, timeout: 30_000 });
  await mailbox.waitForEmail(left, { subject: CONFIRM_SUBJECT, count: 2, timeout: 30_000 });
  expect(subscriberRow(siteDb, confirmed)?.status).toBe('confirmed');
  expect(subscriberRow(siteDb, left)?.status).toBe('pending');
});

test('bad addresses get a clear error and keep what was typed', async ({ page, request, siteDb }) => {
  const local = newAddress('bad').split('@')[0]!;
  await page.goto('/');
  const box = footerNewsletter(page);
  const field = box.getByLabel('Email address');

  const typed: [string, string][] = [
    [`${local}@example.net, ${local}-2@example.net`, ONE_ADDRESS],
    [`${local}@example.net ${local}-2@example.net`, ONE_ADDRESS],
    [`"${local}"@example.net`, ONE_ADDRESS],
    [`Ana <${local}@example.net>`, ONE_ADDRESS],
    [`${local}@`, 'Please enter a valid email address, like name@example.com.'],
    [`${local}@example.net@example.org`, 'Please enter a valid email address, like name@example.com.'],
  ];
  for (const [value, message] of typed) {
    await field.fill(value);
    // Wait for this answer, not just for its message: several inputs share one message, and an
    // answer still on its way would reset the field after the next value was typed.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/'),
      box.getByRole('button', { name: 'Subscribe' }).click(),
    ]);
    await expect(box.getByText(message)).toBeVisible();
    // React resets the form when the action's transition ends, which may be after the response
    // arrived: the button is back to Subscribe then, and only then is the next value safe to type.
    await expect(box.getByRole('button', { name: 'Subscribe' })).toBeEnabled();
    await expect(field).toHaveValue(value);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    // The message is tied to the field for screen readers.
    const describedBy = await field.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(message);
  }

  // What a browser cannot send (line breaks, more than the field's 254 characters), posted as the
  // form does without JavaScript.
  const posted: [string, string][] = [
    [`${local}@example.net\r\nBcc: victim@example.net`, 'Please enter a valid email address, like name@example.com.'],
    [`${local}@example.net\nBcc: victim@example.net`, 'Please enter a valid email address, like name@example.com.'],
    [`${local}${'x'.repeat(250)}@example.net`, 'Email addresses are at most 254 characters.'],
  ];
  for (const [value, message] of posted) {
    const response = await postSignUpForm(request, { email: value });
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain(message);
    expect(emailFieldValue(html)?.replace(/\r\n?/g, '\n')).toBe(value.replace(/\r\n?/g, '\n'));
  }

  expect(
    siteDb
      .select({ n: count() })
      .from(subscribers)
      .where(like(subscribers.email, `%${local}%`))
      .get(),
  ).toEqual({ n: 0 });
  expect(
    siteDb
      .select({ n: count() })
      .from(emailOutbox)
      .where(like(emailOutbox.recipient, `%${local}%`))
      .get(),
  ).toEqual({ n: 0 });
});

test('a fourth sign-up for one address in a day is refused with a clear message', async ({ page, siteDb }) => {
  const email = newAddress();
  for (let i = 1; i <= 3; i++) {
    await page.goto('/');
    const box = await signUpInFooter(page, email);
    await expect(box.getByRole('status')).toHaveText(SUCCESS);
  }
  await page.goto('/');
  const box = await signUpInFooter(page, email);
  await expect(box.getByText(ADDRESS_LIMIT)).toBeVisible();
  await expect(box.getByLabel('Email address')).toHaveValue(email);
  expect(outboxRows(siteDb, email).map((r) => r.kind)).toEqual(['newsletter_confirm', 'newsletter_confirm', 'newsletter_confirm']);
});

test('an eleventh sign-up from one network within the hour is refused with a clear message', async ({ request, page }, testInfo) => {
  for (let i = 0; i < 10; i++) {
    const response = await postSignUpForm(request, { email: newAddress('ip') });
    expect(await response.text()).toContain(SUCCESS);
  }
  await page.goto('/');
  const email = newAddress('ip');
  const box = await signUpInFooter(page, email);
  await expect(box.getByText(IP_LIMIT)).toBeVisible();
  await expect(box.getByLabel('Email address')).toHaveValue(email);
  // Another network is not affected.
  const elsewhere = await postSignUpForm(request, { email, headers: { 'X-Forwarded-For': uniqueClientIp(testInfo.parallelIndex) } });
  expect(await elsewhere.text()).toContain(SUCCESS);
});

test('a forged Host or X-Forwarded-Host does not change the links in the email', async ({ request, mailbox, settings }) => {
  const email = newAddress('forged');
  const forged = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https', Origin: 'http://evil.example' };
  const response = await postSignUpForm(request, { email, headers: forged });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain(SUCCESS);

  const message = await mailbox.waitForEmail(email, { subject: CONFIRM_SUBJECT, timeout: 30_000 });
  const links = [...message.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).concat(message.text.match(/https?:\/\/\S+/g) ?? []);
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(link.startsWith(settings.siteUrl), link).toBe(true);
  expect(message.html).not.toContain('evil.example');
  expect(message.text).not.toContain('evil.example');
});

test('pages and endpoints that carry tokens send Referrer-Policy: no-referrer', async ({ request, mailbox, settings }) => {
  const email = newAddress();
  await postSignUpForm(request, { email });
  const link = await confirmationLink(mailbox, settings.siteUrl, email);
  const token = tokenOf(link);

  const answers = [
    await request.get(link),
    await request.head(link),
    await request.get('/newsletter/confirm?token=not-a-token'),
    await request.post('/api/newsletter/confirm', { form: { token }, maxRedirects: 0 }),
    await request.get('/newsletter/confirm?result=confirmed'),
  ];
  const welcome = await mailbox.waitForEmail(email, { subject: WELCOME_SUBJECT, timeout: 30_000 });
  const unsubscribePage = linkIn(welcome, `${settings.siteUrl}/newsletter/unsubscribe?token=`);
  answers.push(
    await request.get(unsubscribePage),
    await request.get(oneClickUrlOf(welcome.headers['List-Unsubscribe'] ?? ''), { maxRedirects: 0 }),
    await request.post(oneClickUrlOf(welcome.headers['List-Unsubscribe'] ?? ''), { form: { 'List-Unsubscribe': 'One-Click' } }),
  );
  for (const answer of answers) expect(answer.headers()['referrer-policy'], answer.url()).toBe('no-referrer');
});

test('the unsubscribe page asks with one button, then offers a way back', async ({ page, request, mailbox, siteDb, settings }) => {
  const email = newAddress();
  await postSignUpForm(request, { email });
  const link = await confirmationLink(mailbox, settings.siteUrl, email);
  await request.post('/api/newsletter/confirm', { form: { token: tokenOf(link) }, maxRedirects: 0 });
  const welcome = await mailbox.waitForEmail(email, { subject: WELCOME_SUBJECT, timeout: 30_000 });
  const unsubscribePage = linkIn(welcome, `${settings.siteUrl}/newsletter/unsubscribe?token=`);
  const main = page.getByRole('main');

  // Opening the one-click URL in a browser shows the page and changes nothing.
  await page.goto(oneClickUrlOf(welcome.headers['List-Unsubscribe'] ?? ''));
  expect(new URL(page.url()).pathname).toBe('/newsletter/unsubscribe');
  await page.goto(unsubscribePage);
  await expect(page.getByRole('heading', { name: 'Unsubscribe from the newsletter', level: 1 })).toBeVisible();
  await expect(main.getByRole('button')).toHaveCount(1);
  expect(subscriberRow(siteDb, email)?.status).toBe('confirmed');

  await main.getByRole('button', { name: 'Unsubscribe', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'You are unsubscribed', level: 1 })).toBeVisible();
  await expect(main.getByText('You have been unsubscribed.')).toBeVisible();
  expect(subscriberRow(siteDb, email)?.status).toBe('unsubscribed');

  await main.getByRole('button', { name: 'Resubscribe' }).click();
  await expect(main.getByText(SUCCESS)).toBeVisible();
  expect(subscriberRow(siteDb, email)?.status).toBe('pending');
  const again = await confirmationLink(mailbox, settings.siteUrl, email, 2);
  await page.goto(again);
  await expect(main.getByText(CONFIRMED)).toBeVisible();
  expect(subscriberRow(siteDb, email)?.status).toBe('confirmed');
});
