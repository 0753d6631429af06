import 'server-only';
import { z } from 'zod';
import { listMediaLibrary } from './queries';
import type { LibraryAnswer } from './rules';

// GET /admin/media/library, after the route has checked that the caller is an editor: the newest
// pictures for the media picker, optionally those whose file name contains `q`.

const querySchema = z.object({
  q: z.string().trim().max(200, { error: 'Search for at most 200 characters.' }).optional(),
});

export function libraryResponse(request: Request): Response {
  const url = new URL(request.url);
  const parsed = querySchema.safeParse({ q: url.searchParams.get('q') ?? undefined });
  const headers = { 'Cache-Control': 'private, no-store' };
  if (!parsed.success) {
    return Response.json({ ok: false, message: parsed.error.issues[0]?.message ?? 'Check the search.' } satisfies LibraryAnswer, {
      status: 400,
      headers,
    });
  }
  return Response.json({ ok: true, items: listMediaLibrary({ q: parsed.data.q || undefined }) } satisfies LibraryAnswer, { headers });
}
