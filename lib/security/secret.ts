import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databasePath } from '@/db';
import { env } from '@/lib/env';

let cached: string | undefined;

/**
 * The key for signatures and salted hashes. AUTH_SECRET when set; otherwise, on a localhost site,
 * a random one generated once into the data folder beside the database (so it survives restarts).
 * lib/env refuses to start a public site without AUTH_SECRET.
 */
export function appSecret(): string {
  if (cached) return cached;
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  const file = path.join(path.dirname(databasePath()), '.auth-secret');
  try {
    cached = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      cached = secret;
    } catch {
      // Another process wrote it first.
      cached = fs.readFileSync(file, 'utf8').trim();
    }
  }
  return cached;
}
