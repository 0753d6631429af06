import { parseCommentBody } from '@/lib/comments/format';

/** A comment's text: paragraphs, line breaks and autolinked URLs, all rendered as text. */
export function CommentBody({ body }: { body: string }) {
  return (
    <div className="comment__body">
      {parseCommentBody(body).map((lines, p) => (
        <p key={p} dir="auto">
          {lines.map((segments, l) => (
            <span key={l}>
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
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}
