import { NextResponse, type NextRequest } from 'next/server';

// Two early answers, and nothing else: the matcher keeps every other request off this code path.
//
// 1. /admin without a session cookie goes to sign-in. Only a fast redirect: every admin page,
//    action and route handler checks the session itself (lib/auth/session.ts).
// 2. A path with a malformed percent-escape ("/articles/%", "/articles/%E0%A4%A") makes Next
//    answer 500 in production: it cannot decode the dynamic segment, and no app code runs
//    (https://github.com/vercel/next.js/issues/92527). No link on this site produces such a path,
//    so answer 404 before routing.

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

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const bad = notFoundForBadEscape(pathname);
  if (bad) return bad;
  if (!pathname.startsWith('/admin')) return NextResponse.next();
  if (pathname.startsWith('/admin/sign-in') || pathname.startsWith('/admin/forbidden')) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/admin/sign-in';
  url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ['/admin', '/admin/:path*', '/:path(.*%.*)'] };
