import { NextResponse, type NextRequest } from 'next/server';

// A path with a malformed percent-escape ("/articles/%", "/articles/%E0%A4%A") makes Next answer
// 500 in production: it cannot decode the dynamic segment, and no app code runs
// (https://github.com/vercel/next.js/issues/92527). No link on this site produces such a path,
// so answer 404 before routing. The matcher keeps every other request off this code path.
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    return new NextResponse(
      '<!doctype html><html lang="en-GB"><meta charset="utf-8"><title>Page not found</title><h1>Page not found</h1><p>This address is not valid. <a href="/">Go to the front page</a>.</p></html>',
      { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
    );
  }
}

export const config = { matcher: '/:path(.*%.*)' };
