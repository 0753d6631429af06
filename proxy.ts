import { NextResponse, type NextRequest } from 'next/server';
import { findMovedArticle } from '@/lib/articles/moved';

// Three early answers, and nothing else: the matcher keeps every other request off this code path.
//
// 1. /admin without a session cookie goes to sign-in. Only a fast redirect: every admin page,
//    action and route handler checks the session itself (lib/auth/session.ts).
// 2. A path with a malformed percent-escape ("/articles/%", "/articles/%E0%A4%A") makes Next
//    answer 500 in production: it cannot decode the dynamic segment, and no app code runs
//    (https://github.com/vercel/next.js/issues/92527). No link on this site produces such a path,
//    so answer 404 before routing.
// 3. An article address whose article was unpublished answers 410 Gone; one whose slug changed
//    answers 308 to the new address (comment pages below it too). Only GETs and HEADs that reach
//    Next come here: the page cache in scripts/server.mjs answers cached live articles first.

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

function notFoundForBadEscape(pathname: string): NextResponse | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return new NextResponse(
      '<!doctype html><html lang="en-GB"><meta charset="utf-8"><title>Page not found</title><h1>Page not found</h1><p>This address is not valid. <a href="/">Go to the front page</a>.</p></html>',
      { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
    );
  }
}

const GONE_PAGE =
  '<!doctype html><html lang="en-GB"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Article removed</title><style>body{font:1.1rem/1.6 Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b;background:#fbfaf7}@media (prefers-color-scheme:dark){body{color:#eceae4;background:#161514}a{color:#9cc3ff}}</style><main><h1>This article has been removed</h1><p>It is no longer published. <a href="/">Go to the front page</a> or <a href="/search">search the site</a>.</p></main></html>';

function articleMoved(request: NextRequest): NextResponse | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const match = /^\/articles\/([a-z0-9-]{1,120})(\/.*)?$/.exec(request.nextUrl.pathname);
  if (!match) return null;
  const found = findMovedArticle(match[1]!);
  if (!found) return null;
  if (found.kind === 'gone') {
    return new NextResponse(GONE_PAGE, {
      status: 410,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=0, must-revalidate' },
    });
  }
  const url = request.nextUrl.clone();
  url.pathname = `/articles/${found.slug}${match[2] ?? ''}`;
  const moved = NextResponse.redirect(url, 308);
  // Not cached: a slug may change back, and a remembered redirect would then loop.
  moved.headers.set('Cache-Control', 'no-cache');
  return moved;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const bad = notFoundForBadEscape(pathname);
  if (bad) return bad;
  const moved = articleMoved(request);
  if (moved) return moved;
  if (!pathname.startsWith('/admin')) return NextResponse.next();
  if (pathname.startsWith('/admin/sign-in') || pathname.startsWith('/admin/forbidden')) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/admin/sign-in';
  url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ['/admin', '/admin/:path*', '/articles/:path+', '/:path(.*%.*)'] };
