// Comment bodies are plain text. This splits one into paragraphs, lines and autolinked URLs, for
// React to render as text: nothing in a comment is ever interpreted as HTML.

export type Segment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };
export type Paragraph = Segment[][]; // lines of segments

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = '.,;:!?\'"';
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

const countOf = (text: string, char: string) => text.split(char).length - 1;

/**
 * Drops sentence punctuation after a URL ("see https://x.org/a."), but keeps a closing bracket
 * that the URL itself opened (https://en.wikipedia.org/wiki/Ada_(programming_language)).
 */
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0) {
    const last = url[end - 1]!;
    const opener = CLOSERS[last];
    const body = url.slice(0, end);
    if (TRAILING_PUNCTUATION.includes(last) || (opener && countOf(body, last) > countOf(body, opener))) end--;
    else break;
  }
  return url.slice(0, end);
}

function segmentsOf(line: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    const start = match.index ?? 0;
    if (start > last) out.push({ type: 'text', text: line.slice(last, start) });
    out.push({ type: 'link', text: url, href: url });
    last = start + url.length;
  }
  if (last < line.length) out.push({ type: 'text', text: line.slice(last) });
  return out;
}

export function parseCommentBody(body: string): Paragraph[] {
  return (
    body
      .replace(/\r\n?/g, '\n')
      // A blank line ends a paragraph, even when it holds a few spaces.
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => p.split('\n').map(segmentsOf))
  );
}
