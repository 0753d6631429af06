import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { media, moderationLog } from '@/db/schema';
import { env } from '@/lib/env';
import type { StaffMember } from '@/lib/staff/queries';
import { libraryResponse } from './library';
import { MAX_UPLOAD_REQUEST_BYTES, type UploadAnswer } from './rules';
import { isFromSite, receiveUpload } from './upload';

// The upload and library routes' work, after the route has checked the session (the access tests
// in test/admin-access.test.ts and e2e/admin-access.spec.ts cover that part for every route).

const editor: StaffMember = { id: 'u1', email: 'editor@ledger.example', name: null, role: 'editor' };
const SITE = new URL(env.SITE_URL).origin;
const URL_ = `${SITE}/admin/media/upload`;

let shade = 0;
async function jpeg() {
  shade += 1;
  return sharp({
    create: { width: 30, height: 20, channels: 3, background: { r: (shade * 53) % 256, g: (shade * 97) % 256, b: (shade * 29) % 256 } },
  })
    .jpeg()
    .toBuffer();
}

function form(file: Buffer | null, name = 'photo.jpg', fields: Record<string, string> = {}) {
  const data = new FormData();
  if (file) data.set('file', new File([new Uint8Array(file)], name, { type: 'image/jpeg' }));
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

function post(body: BodyInit | null, { json = true, origin = SITE as string | null, headers = {} as Record<string, string> } = {}) {
  return new Request(URL_, {
    method: 'POST',
    body,
    headers: { ...(origin ? { Origin: origin } : {}), Accept: json ? 'application/json' : 'text/html,*/*;q=0.8', ...headers },
    // Node's fetch wants this for a streamed body.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

const mediaCount = () => getDb().select({ n: count() }).from(media).get()?.n ?? 0;
const uploadLog = () => getDb().select().from(moderationLog).where(eq(moderationLog.action, 'media-upload')).all();

beforeAll(() => {
  migrateDatabase();
});

describe('receiveUpload, for a fetch caller', () => {
  it('stores the picture, logs it, and answers the library entry', async () => {
    const logged = uploadLog().length;
    const response = await receiveUpload(post(form(await jpeg(), 'ward map.jpg', { alt: 'A ward map', credit: 'Council' })), editor);
    expect(response.status).toBe(201);
    const answer = (await response.json()) as UploadAnswer;
    expect(answer).toMatchObject({ ok: true, created: true, message: '“ward map.jpg” is uploaded.' });
    if (!answer.ok) return;
    expect(answer.media).toMatchObject({
      format: 'jpeg',
      width: 30,
      height: 20,
      alt: 'A ward map',
      credit: 'Council',
      originalName: 'ward map.jpg',
    });
    expect(Object.keys(answer.media).sort()).toEqual(['alt', 'credit', 'format', 'hash', 'height', 'id', 'originalName', 'width']);
    const row = getDb().select().from(media).where(eq(media.id, answer.media.id)).get();
    expect(row?.uploadedBy).toBe('editor@ledger.example');
    const entries = uploadLog();
    expect(entries).toHaveLength(logged + 1);
    expect(entries.at(-1)).toMatchObject({ actor: 'editor@ledger.example', detail: `ward map.jpg (#${answer.media.id}, 30×20)` });
  });

  it('answers the existing entry for a picture already stored, and logs nothing', async () => {
    const bytes = await jpeg();
    await receiveUpload(post(form(bytes)), editor);
    const logged = uploadLog().length;
    const response = await receiveUpload(post(form(bytes, 'again.jpg')), editor);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      created: false,
      message: '“photo.jpg” was already in the library; nothing new was stored.',
    });
    expect(uploadLog()).toHaveLength(logged);
  });

  it('refuses a file that is not a picture with a sentence that says so', async () => {
    const before = mediaCount();
    const response = await receiveUpload(post(form(Buffer.from('not a picture'), 'fake.jpg')), editor);
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ ok: false, message: 'This file is not a JPEG, PNG, WebP or AVIF picture.' });
    expect(mediaCount()).toBe(before);
  });

  it('asks for a picture when the form has none', async () => {
    const response = await receiveUpload(post(form(null, '', { alt: 'x' })), editor);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, message: 'Choose a picture to upload.' });
  });

  it('refuses a request that declares more than the limit, without reading it', async () => {
    const request = post(new ReadableStream<Uint8Array>(), { headers: { 'Content-Length': String(12 * 1024 * 1024) } });
    const response = await receiveUpload(request, editor);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ ok: false, message: 'This picture is 12 MB; the limit is 10 MB.' });
    expect(request.bodyUsed).toBe(false);
  });

  it('stops reading a body that does not say its length once it passes the limit', async () => {
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 50 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await receiveUpload(post(body, { headers: { 'Content-Type': 'multipart/form-data; boundary=x' } }), editor);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(MAX_UPLOAD_REQUEST_BYTES + 4 * 1024 * 1024);
  });

  it('refuses a post from another site, or one that does not say where it comes from', async () => {
    const before = mediaCount();
    for (const origin of ['https://evil.example', null, 'null', `${SITE}.evil.example`]) {
      const response = await receiveUpload(post(form(await jpeg()), { origin }), editor);
      expect(response.status, String(origin)).toBe(403);
      expect(((await response.json()) as { message: string }).message).toMatch(/^Upload from the dashboard at /);
    }
    expect(mediaCount()).toBe(before);
  });
});

describe('receiveUpload, for a form posted without JavaScript', () => {
  it('goes back to the media library, naming the new picture', async () => {
    const response = await receiveUpload(post(form(await jpeg()), { json: false }), editor);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(`${env.SITE_URL}/admin/media`);
    expect(location.searchParams.get('uploaded')).toMatch(/^\d+$/);
    expect(location.searchParams.has('existing')).toBe(false);
  });

  it('goes back with the reason when the picture is refused', async () => {
    const response = await receiveUpload(post(form(await jpeg(), 'x.jpg', { alt: 'a'.repeat(400) }), { json: false }), editor);
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get('location')!).search).toBe('?refused=alt-too-long');
  });

  it('answers a plain 403 to another site', async () => {
    const response = await receiveUpload(post(form(await jpeg()), { json: false, origin: 'https://evil.example' }), editor);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/came from https:\/\/evil\.example\.$/);
  });
});

describe('isFromSite', () => {
  it('compares the whole origin: scheme, host and port', () => {
    expect(isFromSite('https://news.example.org', 'https://news.example.org')).toBe(true);
    expect(isFromSite('https://news.example.org', 'https://news.example.org/')).toBe(true);
    expect(isFromSite('http://news.example.org', 'https://news.example.org')).toBe(false);
    expect(isFromSite('https://news.example.org:8443', 'https://news.example.org')).toBe(false);
    expect(isFromSite('https://news.example.org.evil.example', 'https://news.example.org')).toBe(false);
    expect(isFromSite(null, 'https://news.example.org')).toBe(false);
  });
});

describe('libraryResponse', () => {
  it('lists the newest pictures, and those whose file name matches', async () => {
    await receiveUpload(post(form(await jpeg(), 'Town_Hall 100%.jpg')), editor);
    const all = (await libraryResponse(new Request(`${SITE}/admin/media/library`)).json()) as {
      ok: true;
      items: { originalName: string }[];
    };
    expect(all.ok).toBe(true);
    expect(all.items[0]?.originalName).toBe('Town_Hall 100%.jpg');
    const found = (await libraryResponse(new Request(`${SITE}/admin/media/library?q=town_hall 100%25`)).json()) as typeof all;
    expect(found.items.map((i) => i.originalName)).toEqual(['Town_Hall 100%.jpg']);
    // LIKE wildcards in the query are taken literally.
    const none = (await libraryResponse(new Request(`${SITE}/admin/media/library?q=_own`)).json()) as typeof all;
    expect(none.items).toEqual([]);
  });

  it('refuses a search that is too long', async () => {
    const response = libraryResponse(new Request(`${SITE}/admin/media/library?q=${'x'.repeat(201)}`));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, message: 'Search for at most 200 characters.' });
  });
});
