import { mediaResponse } from '@/lib/media/serve';

// Pictures: originals (/media/<hash>.<ext>) and their resized variants (/media/<hash>-<width>.<avif|webp>).
// Public, no session. Rendered per request, never prerendered: the files live in MEDIA_PATH, not in
// the build. The page copies in front of Next (lib/cache/page-cache.mjs) only copy pages Next served
// from its cache, so these answers always come from here, with their own caching headers.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ file: string }> };

export async function GET(request: Request, { params }: Context) {
  return mediaResponse(request, (await params).file);
}

export async function HEAD(request: Request, { params }: Context) {
  return mediaResponse(request, (await params).file);
}
