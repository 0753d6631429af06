// Control characters that wrap matched words in search snippets; never present in article text.
export const SNIPPET_OPEN = '\u0001';
export const SNIPPET_CLOSE = '\u0002';
