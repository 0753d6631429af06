import { SNIPPET_CLOSE, SNIPPET_OPEN } from '@/lib/articles/search-markers';

/** Renders an FTS snippet as text, with the matched words in <mark>. Nothing is parsed as HTML. */
export function SearchSnippet({ text }: { text: string }) {
  const cleaned = text.replace(/[#>*_`]+/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  const parts = cleaned.split(SNIPPET_OPEN);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return part;
        const [marked = '', rest = ''] = part.split(SNIPPET_CLOSE);
        return (
          <span key={i}>
            <mark>{marked}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}
