import 'server-only';
import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databasePath } from '@/db';
import { env } from '@/lib/env';

let root: string | undefined;

/**
 * The root key: AUTH_SECRET when set; otherwise, on a localhost site, a random one generated once
 * into the data folder beside the database (so it survives restarts). lib/env refuses to start a
 * public site without an AUTH_SECRET of at least 32 bytes. Nothing signs or hashes with it
 * directly: each use has its own key, derived by `keyFor`.
 */
function rootSecret(): string {
  if (root) return root;
  if (env.AUTH_SECRET) return (root = env.AUTH_SECRET);
  const file = path.join(path.dirname(databasePath()), '.auth-secret');
  try {
    root = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      root = secret;
    } catch {
      // Another process wrote it first.
      root = fs.readFileSync(file, 'utf8').trim();
    }
  }
  return root;
}

/**
 * What each derived key is for. Separate keys (HKDF, RFC 5869) mean a value signed or hashed for
 * one use can never be replayed as another, and one key can be rotated alone.
 */
export type KeyPurpose =
  /** Auth.js: CSRF tokens and the hashes of sign-in tokens. */
  | 'auth'
  /** The comment form's signed "shown at" stamps. */
  | 'form-stamps'
  /** Credentials a browser keeps: the signed list of its own pending comments. */
  | 'credentials'
  /** Salted hashes of client addresses and mailboxes for per-IP and per-address limits. */
  | 'limit-hashes'
  /** Salted hashes of erased addresses: the suppression list and blocklist entries (lib/privacy). */
  | 'erasure-hashes'
  /** The links in commenters' emails: stop reply emails for a comment or all, forget browsers. */
  | 'commenter-links';

const derived = new Map<KeyPurpose, string>();

export function keyFor(purpose: KeyPurpose): string {
  let key = derived.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', rootSecret(), 'the-ledger', purpose, 32)).toString('base64url');
    derived.set(purpose, key);
  }
  return key;
}
