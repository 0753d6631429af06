import { Button, Text } from '@react-email/components';
import { EmailLayout, buttonStyle, previewBrand, textStyle, type Brand } from './layout';

export interface CommentsDigestProps {
  brand: Brand;
  moderateUrl: string;
  pendingCount: number;
  comments: { articleTitle: string; authorName: string; excerpt: string; url: string }[];
}

export const commentsDigestSubject = (p: Pick<CommentsDigestProps, 'brand' | 'pendingCount'>) =>
  `${p.pendingCount} ${p.pendingCount === 1 ? 'comment is' : 'comments are'} waiting for moderation on ${p.brand.name}`;

export default function CommentsDigest({ brand, moderateUrl, pendingCount, comments }: CommentsDigestProps) {
  return (
    <EmailLayout
      brand={brand}
      preview={commentsDigestSubject({ brand, pendingCount })}
      footer="You get this because you moderate comments."
    >
      <Text style={textStyle}>
        {pendingCount} {pendingCount === 1 ? 'comment is' : 'comments are'} waiting for a moderator.
      </Text>
      {comments.map((c, i) => (
        <Text key={i} style={textStyle}>
          <strong>{c.authorName}</strong> on “{c.articleTitle}”:
          <br />
          {c.excerpt}
        </Text>
      ))}
      {pendingCount > comments.length && <Text style={textStyle}>…and {pendingCount - comments.length} more.</Text>}
      <Button href={moderateUrl} style={buttonStyle}>
        Moderate comments
      </Button>
    </EmailLayout>
  );
}

CommentsDigest.PreviewProps = {
  brand: previewBrand,
  moderateUrl: 'http://localhost:3000/admin/comments?status=pending',
  pendingCount: 3,
  comments: [
    { articleTitle: 'Council moves payroll to the cloud', authorName: 'Ana', excerpt: 'Good to see this done at last.', url: '#' },
    { articleTitle: 'Ransomware at Eastmoor', authorName: 'Ben', excerpt: 'Who paid for the recovery?', url: '#' },
  ],
} satisfies CommentsDigestProps;
