import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { media, moderationLog } from '@/db/schema';
import { logStaffAction } from '@/lib/staff/log';
import { mediaRoot } from './files';
import { MAX_UPLOAD_BYTES } from './rules';
import { storeUpload } from './store';

// Real pictures, made by sharp in the test, stored into this test file's own database and
// MEDIA_PATH (a `media` folder beside the database, in a temporary directory).

const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 2653/100', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 3977/100' };
const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Confidential Source</dc:creator></rdf:Description>' +
  '</rdf:RDF></x:xmpmeta>';

/** A small picture with a different colour per call, so each test stores its own content. */
let shade = 0;
function picture(width = 60, height = 40) {
  shade += 1;
  return sharp({
    create: { width, height, channels: 3, background: { r: (shade * 53) % 256, g: (shade * 97) % 256, b: (shade * 29) % 256 } },
  });
}

/** The EXIF GPS IFD pointer (tag 0x8825), as either byte order writes it. */
function hasGpsTag(bytes: Buffer): boolean {
  return bytes.includes(Buffer.from([0x88, 0x25])) || bytes.includes(Buffer.from([0x25, 0x88]));
}

/** A PNG whose header claims `width` × `height` pixels; only the header is real. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const store = (bytes: Buffer, extra: { originalName?: string; alt?: string; credit?: string } = {}) =>
  storeUpload({ bytes, originalName: 'upload.jpg', uploadedBy: 'editor@ledger.example', ...extra });

beforeAll(() => {
  migrateDatabase();
});

describe('storeUpload: what it keeps', () => {
  it('drops EXIF (GPS position, camera), XMP and the colour profile, and turns the picture upright', async () => {
    const input = await picture(60, 40)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'Acme', Model: 'Newsroom 1' }, IFD3: GPS })
      .withXmp(XMP)
      .withIccProfile('p3')
      .toBuffer();
    // The test's input really carries all of it.
    const before = await sharp(input).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif).toBeDefined();
    expect(hasGpsTag(before.exif!)).toBe(true);
    expect(before.xmp).toBeDefined();
    expect(before.icc).toBeDefined();

    const result = await store(input, { originalName: 'C:\\Users\\jo\\Pictures\\council.jpg', alt: ' A  council chamber ' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { media: row } = result;
    expect(row).toMatchObject({ format: 'jpeg', width: 40, height: 60, originalName: 'council.jpg', alt: 'A council chamber' });

    const stored = fs.readFileSync(path.join(mediaRoot(), `${row.hash}.jpg`));
    const after = await sharp(stored).metadata();
    expect(after.format).toBe('jpeg');
    expect([after.width, after.height]).toEqual([40, 60]);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(hasGpsTag(stored)).toBe(false);
    expect(stored.includes('Acme')).toBe(false);
    expect(stored.includes('Confidential Source')).toBe(false);
    expect(stored.includes('Exif')).toBe(false);
  });

  it('names the file and the row by the sha256 of the stored bytes', async () => {
    const result = await store(await picture().png().toBuffer(), { originalName: 'chart.png' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = fs.readFileSync(path.join(mediaRoot(), `${result.media.hash}.png`));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(result.media.hash);
    expect(result.media.bytes).toBe(stored.length);
    // Written atomically: no temporary file is left beside it.
    expect(fs.readdirSync(mediaRoot()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['PNG', 'png', 'png'],
    ['WebP', 'webp', 'webp'],
    ['AVIF (which sharp reports as HEIF with AV1 compression)', 'avif', 'avif'],
  ] as const)('takes %s and keeps its format', async (_, encoder, format) => {
    const input = await picture()
      .withExif({ IFD0: { Make: 'Acme' }, IFD3: GPS })
      [encoder]()
      .toBuffer();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const result = await store(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.media.format).toBe(format);
    const after = await sharp(path.join(mediaRoot(), `${result.media.hash}.${format}`)).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.width).toBe(60);
  });

  it('answers the existing row when the same picture is uploaded again', async () => {
    const input = await picture().webp().toBuffer();
    const first = await store(input, { originalName: 'first.webp', alt: 'First words' });
    const again = await store(input, { originalName: 'second.webp', alt: 'Other words' });
    expect(first.ok && first.created).toBe(true);
    expect(again.ok && !again.created).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.media).toEqual(first.media);
    expect(getDb().select({ n: count() }).from(media).where(eq(media.hash, first.media.hash)).get()?.n).toBe(1);
  });

  it('logs a new picture in the transaction that stores it, and not a picture already stored', async () => {
    const input = await picture().png().toBuffer();
    const log = (actor: string) => ({
      onCreated: (tx: Parameters<typeof logStaffAction>[0], row: { id: number }) =>
        logStaffAction(tx, { actor, action: 'media-upload', detail: `#${row.id}` }),
    });
    const first = await storeUpload({ bytes: input, originalName: 'a.png', uploadedBy: 'jo@ledger.example' }, log('jo@ledger.example'));
    await storeUpload({ bytes: input, originalName: 'a.png', uploadedBy: 'sam@ledger.example' }, log('sam@ledger.example'));
    const entries = getDb().select().from(moderationLog).where(eq(moderationLog.action, 'media-upload')).all();
    expect(entries.map((e) => [e.actor, e.detail])).toEqual([['jo@ledger.example', `#${first.ok ? first.media.id : 0}`]]);
  });
});

describe('storeUpload: what it refuses', () => {
  const refusal = async (bytes: Buffer, extra?: Parameters<typeof store>[1]) => {
    const before = getDb().select({ n: count() }).from(media).get()?.n;
    const result = await store(bytes, extra);
    expect(getDb().select({ n: count() }).from(media).get()?.n, 'a refused upload stores nothing').toBe(before);
    return result.ok ? 'stored' : result.message;
  };

  it('a text file named .jpg', async () => {
    expect(await refusal(Buffer.from('Dear editor,\nthis is not a picture.\n'), { originalName: 'letter.jpg' })).toBe(
      'This file is not a JPEG, PNG, WebP or AVIF picture.',
    );
  });

  it('a buffer over 10 MB, before looking inside it', async () => {
    expect(await refusal(Buffer.alloc(MAX_UPLOAD_BYTES + 1))).toBe('This picture is 10.1 MB; the limit is 10 MB.');
    expect(await refusal(Buffer.alloc(12.25 * 1024 * 1024))).toBe('This picture is 12.3 MB; the limit is 10 MB.');
  });

  it('an empty file', async () => {
    expect(await refusal(Buffer.alloc(0))).toBe('Choose a picture to upload.');
  });

  it('pictures in formats we do not publish: GIF, TIFF, SVG (which could carry script)', async () => {
    expect(await refusal(await picture().gif().toBuffer())).toBe('This file is not a JPEG, PNG, WebP or AVIF picture.');
    expect(await refusal(await picture().tiff().toBuffer())).toBe('This file is not a JPEG, PNG, WebP or AVIF picture.');
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>';
    expect(await refusal(Buffer.from(svg), { originalName: 'chart.png' })).toBe('This file is not a JPEG, PNG, WebP or AVIF picture.');
  });

  it('a picture with more pixels than the limit, from its header, before decoding it', async () => {
    expect(await refusal(pngClaiming(10_000, 8_000))).toBe(
      'This picture is 10,000 × 8,000 pixels; the limit is 50 megapixels. Make it smaller and upload it again.',
    );
  });

  it('an animation', async () => {
    // Two frames that differ (the encoder folds identical frames into one).
    const frames = [await picture().png().toBuffer(), await picture().negate().png().toBuffer()];
    const animated = await sharp(frames, { join: { animated: true } })
      .webp()
      .toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    expect(await refusal(animated)).toBe('This picture is animated. Upload a still picture.');
  });

  it('a picture cut short', async () => {
    const whole = await picture(400, 300).jpeg().toBuffer();
    expect(await refusal(whole.subarray(0, Math.floor(whole.length / 2)))).toBe(
      'This picture is damaged or incomplete. Save it again and upload the new file.',
    );
  });

  it('alt text or a credit that is too long', async () => {
    const input = await picture().png().toBuffer();
    expect(await refusal(input, { alt: 'x'.repeat(301) })).toBe('Keep the alt text under 300 characters.');
    expect(await refusal(input, { credit: 'x'.repeat(201) })).toBe('Keep the credit under 200 characters.');
  });
});
