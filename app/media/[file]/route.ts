import { mediaResponse } from '@/lib/media/serve';

// Pictures: originals (/media/<hash>.<ext>) and their resized variants (/media/<hash>-<width>.<avif|webp|jpg>).
// Public, no session. Rendered per request, never prerendered: the files live in MEDIA_PATH, not in
// the build. In production, scripts/server.mjs sends a file already on disk itself (with the same
// headers, and a Content-Length, which Next drops from a route's answer: lib/media/file-server.mjs),
// so this route makes new variants and answers 404s. The page copies in front of Next
// (lib/cache/page-cache.mjs) only copy pages Next served from its cache, never these answers.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ file: string }> };

export async function GET(request: Request, { params }: Context) {
  return mediaResponse(request, (await params).file);
}

export async function HEAD(request: Request, { params }: Context) {
  return mediaResponse(request, (await params).file);
}
