import { expect } from '@playwright/test';
import type { DeliveredEmail, RecordedRequest } from '../../test/support/fake-resend';

// Reads what the fake Resend API received, and tells it to fail. Each test uses its own
// recipient addresses, so tests running side by side never see each other's email.

export type FakeEmail = DeliveredEmail;
export type FakeRequest = RecordedRequest;

export class Mailbox {
  constructor(private readonly url: string) {}

  async emails(to?: string): Promise<FakeEmail[]> {
    const all = (await (await fetch(`${this.url}/__fake/emails`)).json()) as FakeEmail[];
    return to ? all.filter((e) => e.to.some((t) => t.toLowerCase() === to.toLowerCase())) : all;
  }

  async requests(to?: string): Promise<FakeRequest[]> {
    const all = (await (await fetch(`${this.url}/__fake/requests`)).json()) as FakeRequest[];
    if (!to) return all;
    return all.filter((r) =>
      JSON.stringify(r.body ?? '')
        .toLowerCase()
        .includes(to.toLowerCase()),
    );
  }

  /** Waits for the n-th email to `to` (optionally with a subject matching `subject`). */
  async waitForEmail(to: string, { subject, count = 1, timeout = 15_000 }: { subject?: RegExp; count?: number; timeout?: number } = {}) {
    let found: FakeEmail[] = [];
    await expect
      .poll(
        async () => {
          found = (await this.emails(to)).filter((e) => !subject || subject.test(e.subject));
          return found.length;
        },
        { timeout, message: `waiting for ${count} email(s) to ${to}${subject ? ` matching ${subject}` : ''}` },
      )
      .toBeGreaterThanOrEqual(count);
    return found[count - 1]!;
  }

  /**
   * The next `count` requests for recipients containing `match` fail (or hang) as told; with a 2xx
   * `status` and `delayMs` they succeed but are answered only after `delayMs`.
   */
  async fail(plan: {
    status: number;
    count: number;
    match: string;
    retryAfter?: number;
    hang?: boolean;
    every?: number;
    delayMs?: number;
  }) {
    await fetch(`${this.url}/__fake/fail`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) });
  }
}

/** The first link in an email's plain text that starts with `prefix`. */
export function linkIn(email: FakeEmail, prefix: string): string {
  const match = email.text.match(/https?:\/\/\S+/g)?.find((u) => u.startsWith(prefix));
  if (!match) throw new Error(`no link starting with ${prefix} in "${email.subject}"`);
  return match.replace(/[)\].,]+$/, '');
}
