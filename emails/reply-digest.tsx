import { Hr, Text } from '@react-email/components';
import { type Brand, BrandLink, EmailLayout, previewBrand, textStyle } from './layout';
import { type CommenterEmailLinks, type NotifiedReply, previewReply, ReplyEmailFooter } from './reply-notification';

export interface ReplyDigestProps {
  brand: Brand;
  replies: NotifiedReply[];
  links: CommenterEmailLinks;
}

export const replyDigestSubject = ({ count }: { brand: Brand; count: number }) => `${count} new replies to your comments`;

/** Several replies in one email: what a busy hour's notifications become. */
export default function ReplyDigest({ brand, replies, links }: ReplyDigestProps) {
  return (
    <EmailLayout
      brand={brand}
      preview={`${replies.length} new replies to your comments`}
      footer={<ReplyEmailFooter brand={brand} links={links} />}
    >
      <Text style={textStyle}>{replies.length} new replies to your comments since our last email:</Text>
      {replies.map((r) => (
        <div key={r.url}>
          <Hr />
          <Text style={textStyle}>
            <strong>{r.author}</strong> on <em>{r.articleTitle}</em>:
          </Text>
          <Text style={{ ...textStyle, whiteSpace: 'pre-wrap' }}>{r.text}</Text>
          <Text style={{ ...textStyle, fontSize: '14px' }}>
            <BrandLink href={r.url}>Read the reply</BrandLink> · <BrandLink href={r.stopThread}>Stop emails about this comment</BrandLink>
          </Text>
        </div>
      ))}
    </EmailLayout>
  );
}

ReplyDigest.PreviewProps = {
  brand: previewBrand,
  replies: [previewReply, { ...previewReply, author: 'Tom Ellis', url: 'http://localhost:3000/articles/example#comment-14' }],
  links: {
    stopAll: 'http://localhost:3000/comments/unsubscribe?what=all&t=example',
    forget: 'http://localhost:3000/comments/forget?t=example',
  },
} satisfies ReplyDigestProps;
