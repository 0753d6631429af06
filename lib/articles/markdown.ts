import { Marked, type Tokens } from 'marked';
import { BODY_IMAGE_SIZES, contentTypeOf, parseVariantUrl, PICTURE_FORMATS, srcSet } from '@/lib/media/rules';

// Article bodies are Markdown written by staff. The renderer below never lets raw HTML through
// (it is escaped and shown as text) and only keeps link and image URLs with a safe scheme, so the
// output is sanitised by construction rather than by cleaning HTML after the fact.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Returns the URL when it is http(s), mailto, a fragment or a site-relative path; otherwise null. */
export function safeUrl(raw: string): string | null {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const url = raw.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  if (url === '') return null;
  if (url.startsWith('#') || (url.startsWith('/') && !url.startsWith('//'))) return url;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') return url;
  return null;
}

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    heading({ tokens, depth }: Tokens.Heading) {
      // The headline is the page's only h1; body headings start at h2.
      const level = Math.min(Math.max(depth, 2), 6);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      const url = safeUrl(href);
      if (!url) return text;
      const external = /^https?:/i.test(url);
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      const rel = external ? ' rel="noopener"' : '';
      return `<a href="${escapeHtml(url)}"${titleAttr}${rel}>${text}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      const url = safeUrl(href);
      if (!url || url.startsWith('mailto:')) return escapeHtml(text);
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      const variant = parseVariantUrl(url);
      if (!variant) return `<img src="${escapeHtml(url)}" alt="${escapeHtml(text)}"${titleAttr} loading="lazy">`;
      // One of our own pictures: every smaller rung too, in AVIF and WebP, so a phone downloads a
      // phone-sized file. The URL has been parsed into a hex hash and known numbers, so the srcset
      // is built from those, not from the author's text.
      const sources = PICTURE_FORMATS.map(
        (format) =>
          // Markdown does not know the picture's real width: the width its URL names is taken as it.
          `<source type="${contentTypeOf(format)}" srcset="${srcSet(variant, format)}" sizes="${BODY_IMAGE_SIZES}">`,
      ).join('');
      return `<picture>${sources}<img src="${escapeHtml(url)}" alt="${escapeHtml(text)}"${titleAttr} loading="lazy" decoding="async"></picture>`;
    },
  },
});

/** Renders trusted-author Markdown to HTML that carries no script, event handler or unsafe URL. */
export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

/** Plain text of a Markdown body, for descriptions, feeds and word counts. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_~`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function countWords(markdown: string): number {
  const text = markdownToPlainText(markdown);
  return text === '' ? 0 : text.split(' ').length;
}

/** Minutes to read at 230 words a minute, at least one. */
export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(countWords(markdown) / 230));
}
