import { z } from 'zod';

// Rules for what may go into an email's envelope and headers. Anything with CR or LF could inject
// headers; anything with more than one address could turn one email into many.

const emailSchema = z.email();

/** Returns the address when it is exactly one plain address, else a reason. */
export function checkRecipient(raw: string): { ok: true; address: string } | { ok: false; reason: string } {
  if (/[\r\n]/.test(raw)) return { ok: false, reason: 'recipient contains a line break' };
  const address = raw.trim();
  if (address.length === 0) return { ok: false, reason: 'recipient is empty' };
  if (address.length > 254) return { ok: false, reason: 'recipient is longer than 254 characters' };
  if (/[,;<>"\s()\\]/.test(address) || (address.match(/@/g) ?? []).length !== 1) {
    return { ok: false, reason: 'recipient must be exactly one plain address' };
  }
  if (!emailSchema.safeParse(address).success) return { ok: false, reason: 'recipient is not a valid email address' };
  return { ok: true, address };
}

/** Header names are tokens; values are one line. */
export function checkHeaders(headers: Record<string, string>): string | null {
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[A-Za-z0-9-]+$/.test(name)) return `header name "${name}" is not valid`;
    if (/[\r\n\0]/.test(value)) return `header ${name} contains a line break`;
  }
  return null;
}

export function checkSubject(subject: string): string | null {
  if (/[\r\n\0]/.test(subject)) return 'subject contains a line break';
  if (subject.trim() === '') return 'subject is empty';
  if (subject.length > 250) return 'subject is longer than 250 characters';
  return null;
}
