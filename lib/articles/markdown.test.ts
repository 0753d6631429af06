import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, renderMarkdown, safeUrl } from './markdown';

// Every element the renderer may legitimately produce from Markdown.
const ALLOWED_TAGS = new Set([
  'p',
  'a',
  'img',
  // Our own /media/ pictures become <picture> with AVIF and WebP sources.
  'picture',
  'source',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'em',
  'strong',
  'del',
  'code',
  'pre',
  'br',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'input',
]);
// `class` only ever carries a fenced code block's language (checked below).
const ALLOWED_ATTRIBUTES = new Set([
  'href',
  'title',
  'rel',
  'src',
  'alt',
  'loading',
  'decoding',
  'srcset',
  'sizes',
  'align',
  'start',
  'type',
  'checked',
  'disabled',
  'class',
]);

interface Tag {
  name: string;
  attributes: Map<string, string>;
}

/** Every start tag in the HTML with its attributes, as a browser would tokenise this simple output. */
function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)) {
    const attributes = new Map<string, string>();
    for (const attr of (match[2] ?? '').matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      attributes.set(attr[1]!.toLowerCase(), attr[2] ?? attr[3] ?? attr[4] ?? '');
    }
    tags.push({ name: match[1]!.toLowerCase(), attributes });
  }
  return tags;
}

/** What a browser would make of an attribute value: entities decoded, then control characters and spaces dropped. */
function browserUrl(value: string): string {
  const decoded = value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return decoded.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
}

/** Fails with the offending markup when the HTML holds anything that could run script. */
function expectInert(html: string): void {
  for (const tag of startTags(html)) {
    expect(ALLOWED_TAGS, `unexpected <${tag.name}> in ${html}`).toContain(tag.name);
    for (const [name, value] of tag.attributes) {
      expect(ALLOWED_ATTRIBUTES, `unexpected ${name}= on <${tag.name}> in ${html}`).toContain(name);
      if (name === 'href' || name === 'src') {
        expect(browserUrl(value), `unsafe URL in ${html}`).toMatch(/^(https?:|mailto:|#|\/(?!\/))/);
      }
      if (name === 'class') expect(value, `unexpected class in ${html}`).toMatch(/^language-[^\s"'<>]*$/);
      // Only ever built from a parsed /media/ variant URL: our hash, our widths, our formats.
      if (name === 'srcset') {
        for (const candidate of value.split(', ')) {
          expect(candidate, `unexpected srcset in ${html}`).toMatch(/^\/media\/[0-9a-f]{64}-[0-9]{3,4}\.(avif|webp) [0-9]{3,4}w$/);
        }
      }
      if (name === 'type' && tag.name === 'source') expect(value, `unexpected source type in ${html}`).toMatch(/^image\/(avif|webp)$/);
    }
  }
}

describe('renderMarkdown: scripts and raw HTML', () => {
  it.each([
    ['a script block', '<script>alert(1)</script>'],
    ['an inline script', 'Before <script>alert(1)</script> after'],
    ['a script after text', 'Paragraph one.\n\n<script src="https://evil.example/x.js"></script>'],
  ])('escapes %s as text', (_, markdown) => {
    const html = renderMarkdown(markdown);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script');
    expectInert(html);
  });

  it.each([
    ['an <img onerror> block', '<img src=x onerror=alert(1)>'],
    ['an inline <img onerror>', 'Look: <img src="x" onerror="alert(1)"> here'],
    ['an <svg onload>', '<svg onload=alert(1)></svg>'],
    ['a <div onclick> block around Markdown', '<div onclick="alert(1)">\n\nhello *world*\n\n</div>'],
    ['inline <b onmouseover>', 'Some <b onmouseover="alert(1)">bold</b> text'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
    ['a style block', '<style>body { display: none }</style>'],
    ['an HTML comment', 'Text <!-- hidden --> more'],
    ['a form', '<form action="https://evil.example"><input name="x"><button>Go</button></form>'],
  ])('escapes %s instead of rendering it', (_, markdown) => {
    const html = renderMarkdown(markdown);
    expectInert(html);
    expect(html).not.toMatch(/<(img|svg|div|b|iframe|style|form|button)\b/i);
    expect(html).toContain('&lt;');
  });

  it('keeps the Markdown inside an escaped HTML block', () => {
    expect(renderMarkdown('<div onclick="alert(1)">\n\nhello *world*\n\n</div>')).toContain('<p>hello <em>world</em></p>');
  });

  it('escapes HTML inside inline code and code blocks', () => {
    const html = renderMarkdown('Use `<script>` wisely.\n\n```html\n<script>alert(1)</script>\n```');
    expect(html).toContain('<code>&lt;script&gt;</code>');
    expect(html).not.toMatch(/<script/i);
    expectInert(html);
  });

  it("cannot break out of a fenced code block's language", () => {
    const html = renderMarkdown('```x"onmouseover="alert(1)\ncode\n```');
    expectInert(html);
    expect(html).not.toMatch(/\sonmouseover=/i);
  });
});

describe('renderMarkdown: link and image URLs', () => {
  it.each([
    ['javascript:', '[click](javascript:alert(1))'],
    ['mixed-case JaVaScRiPt:', '[click](JaVaScRiPt:alert(1))'],
    ['a tab inside the scheme', '[click](<java\tscript:alert(1)>)'],
    ['a newline inside the scheme', '[click](<java\nscript:alert(1)>)'],
    ['an encoded colon', '[click](javascript&#58;alert(1))'],
    ['a named-entity colon', '[click](javascript&colon;alert(1))'],
    ['an encoded first letter', '[click](&#106;avascript:alert(1))'],
    ['leading spaces', '[click](< javascript:alert(1)>)'],
    ['vbscript:', '[click](vbscript:msgbox(1))'],
    ['data:', '[click](data:text/html,<script>alert(1)</script>)'],
    ['a protocol-relative URL', '[click](//evil.example/x)'],
    ['a reference definition', '[click][evil]\n\n[evil]: javascript:alert(1)'],
  ])('drops a link with %s but keeps its text', (_, markdown) => {
    const html = renderMarkdown(markdown);
    expect(html).not.toMatch(/<a\b/i);
    expect(html).toContain('click');
    expectInert(html);
  });

  it.each([
    ['javascript:', '![chart](javascript:alert(1))'],
    ['mixed-case JaVaScRiPt:', '![chart](JaVaScRiPt:alert(1))'],
    ['a tab inside the scheme', '![chart](<java\tscript:alert(1)>)'],
    ['data:', '![chart](<data:image/svg+xml,<svg onload=alert(1)>>)'],
    ['mailto:', '![chart](mailto:a@example.org)'],
  ])('drops an image with %s and keeps its alt text', (_, markdown) => {
    const html = renderMarkdown(markdown);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).toContain('chart');
    expectInert(html);
  });

  it('cannot break out of the alt or title attribute', () => {
    const html = renderMarkdown('![x" onerror="alert(1)](https://img.example/a.png "t\\" onload=\\"alert(1)")');
    expectInert(html);
    expect(
      startTags(html)
        .find((t) => t.name === 'img')
        ?.attributes.get('alt'),
    ).toBe('x&quot; onerror=&quot;alert(1)');
  });

  it('keeps safe external links and marks them rel="noopener"', () => {
    const html = renderMarkdown('[GOV.UK](https://www.gov.uk/ "Government site") and [spec](http://example.org/spec)');
    expect(html).toContain('<a href="https://www.gov.uk/" title="Government site" rel="noopener">GOV.UK</a>');
    expect(html).toContain('<a href="http://example.org/spec" rel="noopener">spec</a>');
  });

  it('links bare URLs (GFM autolinks) with rel="noopener"', () => {
    expect(renderMarkdown('See https://www.example.org/report for more.')).toContain(
      '<a href="https://www.example.org/report" rel="noopener">https://www.example.org/report</a>',
    );
  });

  it('keeps site-relative, fragment and mailto links without rel', () => {
    const html = renderMarkdown('[story](/articles/some-story) [notes](#notes) [email](mailto:tips@example.org)');
    expect(html).toContain('<a href="/articles/some-story">story</a>');
    expect(html).toContain('<a href="#notes">notes</a>');
    expect(html).toContain('<a href="mailto:tips@example.org">email</a>');
  });

  it('keeps https images, lazily loaded, with escaped alt text', () => {
    expect(renderMarkdown('![A <chart> of spend](https://img.example/spend.png)')).toContain(
      '<img src="https://img.example/spend.png" alt="A &lt;chart&gt; of spend" loading="lazy">',
    );
  });
});

describe('renderMarkdown: our own pictures', () => {
  const hash = '0123456789abcdef'.repeat(4);
  const widths = (html: string, format: string) =>
    [...html.matchAll(new RegExp(`/media/${hash}-(\\d+)\\.${format} (\\d+)w`, 'g'))].map((m) => `${m[1]}:${m[2]}`);

  it('makes a /media/ variant a responsive <picture>: AVIF and WebP, every rung up to the one named', () => {
    const html = renderMarkdown(`![The council chamber](/media/${hash}-960.webp)`);
    expectInert(html);
    expect(html).toMatch(
      /^<p><picture><source type="image\/avif" srcset="[^"]+" sizes="[^"]+"><source type="image\/webp" srcset="[^"]+" sizes="[^"]+"><img [^>]+><\/picture><\/p>\s*$/,
    );
    expect(widths(html, 'avif')).toEqual(['320:320', '480:480', '640:640', '960:960']);
    expect(widths(html, 'webp')).toEqual(['320:320', '480:480', '640:640', '960:960']);
    expect(html).toContain(`<img src="/media/${hash}-960.webp" alt="The council chamber" loading="lazy" decoding="async">`);
    expect(html).toContain('sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)"');
  });

  it('keeps the title and escapes the alt text inside a <picture>', () => {
    const html = renderMarkdown(`![A "quoted" <chart>](/media/${hash}-640.avif "Spend, 2020-2025")`);
    expectInert(html);
    expect(html).toContain(
      `<img src="/media/${hash}-640.avif" alt="A &quot;quoted&quot; &lt;chart&gt;" title="Spend, 2020-2025" loading="lazy" decoding="async">`,
    );
    expect(widths(html, 'webp')).toEqual(['320:320', '480:480', '640:640']);
  });

  it.each([
    ['an original', `/media/${hash}.jpg`],
    ['a width off the ladder', `/media/${hash}-961.webp`],
    ['a short hash', `/media/${hash.slice(1)}-960.webp`],
    ['another site', `https://img.example/media/${hash}-960.webp`],
    ['a query string', `/media/${hash}-960.webp?x=1`],
  ])('leaves %s as a plain lazy <img>', (_, url) => {
    const html = renderMarkdown(`![Chart](${url})`);
    expectInert(html);
    expect(html).not.toContain('<picture');
    expect(html).toContain(`<img src="${url}" alt="Chart" loading="lazy">`);
  });
});

describe('renderMarkdown: structure', () => {
  it('starts headings at h2, since the headline is the only h1', () => {
    const html = renderMarkdown('# One\n\n## Two\n\n### Three\n\nSetext\n======\n\n###### Six');
    expect(html).not.toMatch(/<h1/i);
    expect(html).toContain('<h2>One</h2>');
    expect(html).toContain('<h2>Two</h2>');
    expect(html).toContain('<h3>Three</h3>');
    expect(html).toContain('<h2>Setext</h2>');
    expect(html).toContain('<h6>Six</h6>');
  });

  it('renders the Markdown the newsroom writes: quotes, lists, emphasis', () => {
    const html = renderMarkdown('> "A quote," she said.\n\n- one\n- **two**\n\n1. first\n2. second');
    expect(html).toContain('<blockquote>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li><strong>two<\/strong><\/li>\s*<\/ul>/);
    expect(html).toMatch(/<ol>\s*<li>first<\/li>/);
    expectInert(html);
  });
});

describe('safeUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'java\u0000script:x',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    '//evil.example',
    '',
  ])('rejects %j', (url) => {
    expect(safeUrl(url)).toBeNull();
  });

  it.each(['https://example.org/a?b=c', 'http://example.org', 'mailto:a@example.org', '/articles/x', '#top'])('accepts %j', (url) => {
    expect(safeUrl(url)).toBe(url);
  });
});

describe('countWords and readingMinutes', () => {
  it('counts the words a reader reads, not the Markdown syntax', () => {
    expect(countWords('## A heading\n\nSome **bold** text with [a link](https://example.org/x).\n\n- one item')).toBe(10);
    expect(countWords('')).toBe(0);
  });

  it('reads at 230 words a minute, at least one minute', () => {
    expect(readingMinutes('word')).toBe(1);
    expect(readingMinutes(Array.from({ length: 690 }, () => 'word').join(' '))).toBe(3);
  });
});
