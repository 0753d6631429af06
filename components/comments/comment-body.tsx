import { Fragment } from 'react';
import { parseCommentBody } from '@/lib/comments/format';

/**
 * A comment's text: paragraphs, line breaks and autolinked URLs, all rendered as text. The
 * paragraphs go straight into the comment's <article> (CSS finds them as `.comment > p`); each
 * finds its own direction, and every piece of text is isolated in a <bdi>.
 */
export function CommentBody({ body }: { body: string }) {
  return parseCommentBody(body).map((lines, p) => (
    <p key={p} dir="auto">
      {lines.map((segments, l) => (
        <Fragment key={l}>
          {l > 0 && <br />}
          {segments.map((s, i) =>
            s.type === 'link' ? (
              <a key={i} href={s.href} rel="nofollow ugc noopener">
                {s.text}
              </a>
            ) : (
              <bdi key={i}>{s.text}</bdi>
            ),
          )}
        </Fragment>
      ))}
    </p>
  ));
}
