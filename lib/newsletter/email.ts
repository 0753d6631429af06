import { domainToASCII } from 'node:url';

// Normalising an address: one address, no header tricks, in lower case with the domain in
// punycode, so "Ana@Bücher.Example", "ana@bücher.example" and "ana@xn--bcher-kva.example" are one
// subscriber. RFC 5321 lets a server treat the local part's case as significant, but no mailbox
// provider in use does, and treating "Ann" and "ann" as two people sent one person everything twice.

export type NormalisedEmail = { ok: true; email: string } | { ok: false; message: string };

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function normaliseEmail(raw: string): NormalisedEmail {
  const invalid = { ok: false as const, message: 'Please enter a valid email address, like name@example.com.' };
  if (/[\r\n\0]/.test(raw)) return invalid;
  const value = raw.trim();
  if (value === '') return { ok: false, message: 'Please enter your email address.' };
  if (value.length > 254) return { ok: false, message: 'Email addresses are at most 254 characters.' };
  if (/[\s,;<>"()\\[\]]/.test(value)) return { ok: false, message: 'Please enter one email address only.' };
  const at = value.lastIndexOf('@');
  if (at < 1 || value.indexOf('@') !== at) return invalid;
  const local = value.slice(0, at).toLowerCase();
  const domain = domainToASCII(value.slice(at + 1).toLowerCase());
  if (local.length > 64 || !LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return invalid;
  if (!domain || domain.length > 253) return invalid;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels.at(-1)!)) return invalid;
  const email = `${local}@${domain}`;
  return email.length > 254 ? invalid : { ok: true, email };
}

/**
 * The mailbox an address delivers to, for per-address limits: a normalised address without its
 * `+tag` ("ann+news@x" reaches ann@x), so tags cannot multiply what one inbox is sent.
 */
export function mailboxOf(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at).toLowerCase();
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${email.slice(at).toLowerCase()}`;
}
