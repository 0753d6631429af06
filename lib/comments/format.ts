// Comment bodies are plain text. This splits one into paragraphs, lines and autolinked URLs, for
// React to render as text: nothing in a comment is ever interpreted as HTML.

export type Segment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };
export type Paragraph = Segment[][]; // lines of segments

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

function segmentsOf(line: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    let url = match[0];
    const trailing = TRAILING.exec(url)?.[0] ?? '';
    url = url.slice(0, url.length - trailing.length);
    const start = match.index ?? 0;
    if (start > last) out.push({ type: 'text', text: line.slice(last, start) });
    out.push({ type: 'link', text: url, href: url });
    last = start + url.length;
  }
  if (last < line.length) out.push({ type: 'text', text: line.slice(last) });
  return out;
}

export function parseCommentBody(body: string): Paragraph[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split('\n').map(segmentsOf));
}
