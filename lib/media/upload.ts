import 'server-only';
import { z } from 'zod';
import { env } from '@/lib/env';
import { absoluteUrl } from '@/lib/site/urls';
import { logStaffAction } from '@/lib/staff/log';
import type { StaffMember } from '@/lib/staff/queries';
import {
  MAX_UPLOAD_REQUEST_BYTES,
  refusalToSearchParams,
  uploadedMessage,
  describeRefusal,
  toLibraryItem,
  type UploadAnswer,
  type UploadRefusal,
} from './rules';
import { storeUpload, type StoreResult } from './store';

// POST /admin/media/upload, after the route has checked that the caller is an editor. A route
// handler rather than a server action: actions take at most 1 MB, pictures up to 10 MB. It answers
// JSON to fetch callers (the media picker, the upload form with JavaScript) and, to a plain form
// post, a redirect back to the media library with the outcome in the address.

const LIBRARY_PATH = '/admin/media';

const fieldsSchema = z.object({
  file: z.custom<File>((v) => v instanceof Blob, { error: 'no-file' }),
  alt: z.string().default(''),
  credit: z.string().default(''),
});

function wantsJson(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('application/json');
}

function json(answer: UploadAnswer, status: number): Response {
  return Response.json(answer, { status, headers: { 'Cache-Control': 'private, no-store' } });
}

function backToLibrary(params: URLSearchParams): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: absoluteUrl(`${LIBRARY_PATH}?${params}`), 'Cache-Control': 'no-store' },
  });
}

const REFUSAL_STATUS: Partial<Record<UploadRefusal['code'], number>> = { 'too-large': 413, 'not-a-picture': 415, heic: 415 };

function refused(request: Request, refusal: UploadRefusal): Response {
  if (!wantsJson(request)) return backToLibrary(refusalToSearchParams(refusal));
  return json({ ok: false, message: describeRefusal(refusal) }, REFUSAL_STATUS[refusal.code] ?? 400);
}

/**
 * Next checks the Origin of a server action, not of a route handler, and here the session cookie
 * is all that says who is calling. SameSite=Lax keeps that cookie off other sites' POSTs in today's
 * browsers; this check does not rely on it: the request must come from this site's own pages.
 */
export function isFromSite(origin: string | null, siteUrl: string = env.SITE_URL): boolean {
  return origin !== null && origin === new URL(siteUrl).origin;
}

/** The request's body, or null when it is longer than `limit` (read no further than that). */
async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

export async function receiveUpload(request: Request, staff: StaffMember): Promise<Response> {
  const origin = request.headers.get('origin');
  if (!isFromSite(origin)) {
    const message = `Upload from the dashboard at ${absoluteUrl(LIBRARY_PATH)}: this request came from ${origin ?? 'an unknown page'}.`;
    return wantsJson(request) ? json({ ok: false, message }, 403) : new Response(message, { status: 403 });
  }
  // Refused before reading a byte when the client says how big it is…
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_REQUEST_BYTES) return refused(request, { code: 'too-large', bytes: declared });
  // …and cut off at the limit when it does not.
  const body = await readAtMost(request.body, MAX_UPLOAD_REQUEST_BYTES);
  if (body === null) return refused(request, { code: 'too-large', bytes: MAX_UPLOAD_REQUEST_BYTES + 1 });

  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'Content-Type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return refused(request, { code: 'no-file' });
  }
  const fields = fieldsSchema.safeParse({
    file: form.get('file') ?? undefined,
    alt: form.get('alt') ?? undefined,
    credit: form.get('credit') ?? undefined,
  });
  if (!fields.success) return refused(request, { code: 'no-file' });
  const { file, alt, credit } = fields.data;

  let result: StoreResult;
  try {
    result = await storeUpload(
      { bytes: Buffer.from(await file.arrayBuffer()), originalName: file.name ?? '', uploadedBy: staff.email, alt, credit },
      {
        onCreated: (tx, media) =>
          logStaffAction(tx, {
            actor: staff.email,
            action: 'media-upload',
            detail: `${media.originalName || 'picture'} (#${media.id}, ${media.width}×${media.height})`,
            link: '/admin/media',
          }),
      },
    );
  } catch (error) {
    console.error('[media] upload failed', error);
    const message = 'The picture could not be saved. Try again; if it fails again, tell the site’s administrator.';
    return wantsJson(request) ? json({ ok: false, message }, 500) : new Response(message, { status: 500 });
  }
  if (!result.ok) return refused(request, result.refusal);

  const { media, created } = result;
  if (!wantsJson(request)) {
    return backToLibrary(new URLSearchParams({ uploaded: String(media.id), ...(created ? {} : { existing: '1' }) }));
  }
  return json(
    { ok: true, media: toLibraryItem(media), created, message: uploadedMessage(media.originalName, created) },
    created ? 201 : 200,
  );
}
