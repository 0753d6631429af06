import { randomInt } from 'node:crypto';
import { like, or } from 'drizzle-orm';
import sharp from 'sharp';
import { media } from '../../db/schema';
import type { SiteDb } from '../../test/support/site-db';

// Real pictures for the upload journeys, made with sharp (the library the site checks them with):
// a colour of their own each, so the site stores every one as a new picture (it keeps one row per
// distinct content). A TestPicture goes straight to setInputFiles or to a request's multipart.

export interface TestPicture {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A PNG `width` × `height` of a random colour, with a darker band so it is not one flat colour. */
export async function makePicture(name: string, { width = 1600, height = 900 } = {}): Promise<TestPicture> {
  const [r, g, b] = [randomInt(256), randomInt(256), randomInt(256)];
  const band = await sharp({
    create: { width, height: Math.max(1, Math.round(height / 4)), channels: 3, background: { r: r >> 1, g: g >> 1, b: b >> 1 } },
  })
    .png()
    .toBuffer();
  const buffer = await sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .composite([{ input: band, top: 0, left: 0 }])
    .png()
    .toBuffer();
  return { name, mimeType: 'image/png', buffer };
}

/** Stored pictures whose file name or default alt text holds `text`. */
export function mediaRowsNamed(db: SiteDb, text: string) {
  return db
    .select()
    .from(media)
    .where(or(like(media.originalName, `%${text}%`), like(media.alt, `%${text}%`)))
    .orderBy(media.id)
    .all();
}
