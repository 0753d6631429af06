import { Button, Text } from '@react-email/components';
import { type Brand, BrandLink, buttonStyle, EmailLayout, previewBrand, textStyle } from './layout';

/** A published reply, as the email about it shows it. */
export interface NotifiedReply {
  author: string;
  text: string;
  /** The start of the comment it answers, so the reader knows which. */
  yourText: string;
  articleTitle: string;
  /** The reply on the article: `…#comment-<id>`. */
  url: string;
  /** The page that stops emails about replies to that comment. */
  stopThread: string;
  parentId: number;
}

export interface CommenterEmailLinks {
  stopAll: string;
  forget: string;
}

export interface ReplyNotificationProps {
  brand: Brand;
  reply: NotifiedReply;
  links: CommenterEmailLinks;
}

export const replyNotificationSubject = ({ reply }: Pick<ReplyNotificationProps, 'brand' | 'reply'>) =>
  `${reply.author.replace(/[\r\n]+/g, ' ').slice(0, 60)} replied to your comment on “${reply.articleTitle.slice(0, 80)}”`;

const quote = { ...textStyle, borderLeft: '3px solid #d6d0c4', paddingLeft: '12px', whiteSpace: 'pre-wrap' as const };

/** The links every email about replies ends with. */
export function ReplyEmailFooter({ brand, links, stopThread }: { brand: Brand; links: CommenterEmailLinks; stopThread?: string }) {
  return (
    <>
      You get this email because you asked {brand.name} to tell you of replies to your comments.{' '}
      {stopThread && (
        <>
          <BrandLink href={stopThread}>Stop emails about this comment</BrandLink> ·{' '}
        </>
      )}
      <BrandLink href={links.stopAll}>Stop every reply email</BrandLink> · <BrandLink href={links.forget}>Forget this browser</BrandLink>
    </>
  );
}

export default function ReplyNotification({ brand, reply, links }: ReplyNotificationProps) {
  return (
    <EmailLayout
      brand={brand}
      preview={`${reply.author}: ${reply.text.slice(0, 90)}`}
      footer={<ReplyEmailFooter brand={brand} links={links} stopThread={reply.stopThread} />}
    >
      <Text style={textStyle}>
        <strong>{reply.author}</strong> replied to your comment on <em>{reply.articleTitle}</em>:
      </Text>
      <Text style={quote}>{reply.text}</Text>
      <Text style={{ ...textStyle, fontSize: '14px', color: '#595959' }}>Your comment began: “{reply.yourText}”</Text>
      <Button href={reply.url} style={buttonStyle}>
        Read the reply
      </Button>
    </EmailLayout>
  );
}

export const previewReply: NotifiedReply = {
  author: 'Priya Shah',
  text: 'The framework renewal is due in March, so the timing matters more than the headline figure.',
  yourText: 'Does anyone know when the framework comes up for renewal?',
  articleTitle: 'Councils told to share one procurement framework',
  url: 'http://localhost:3000/articles/example#comment-12',
  stopThread: 'http://localhost:3000/comments/unsubscribe?what=thread&t=example',
  parentId: 11,
};

ReplyNotification.PreviewProps = {
  brand: previewBrand,
  reply: previewReply,
  links: {
    stopAll: 'http://localhost:3000/comments/unsubscribe?what=all&t=example',
    forget: 'http://localhost:3000/comments/forget?t=example',
  },
} satisfies ReplyNotificationProps;
