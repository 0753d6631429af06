// Cache validators, shared by the page copies (page-cache.mjs) and the files the server sends
// (lib/http/send-file.mjs: pictures and build files).
// Plain JavaScript: scripts/server.mjs loads it without a TypeScript step.

/** Whether an If-None-Match header names this ETag (or `*`), compared weakly as RFC 9110 §13.1.2 says. */
export function ifNoneMatchIncludes(ifNoneMatch, etag) {
  if (typeof ifNoneMatch !== 'string' || ifNoneMatch === '') return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}
