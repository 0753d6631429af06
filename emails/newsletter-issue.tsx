import { Heading, Hr, Img, Section, Text } from '@react-email/components';
import { type Brand, BrandLink, EmailLayout, previewBrand, textStyle } from './layout';
import { SubscriptionLinks } from './subscription-links';

export interface NewsletterIssueProps {
  brand: Brand;
  subject: string;
  /** Sanitised HTML from the issue's Markdown introduction (lib/articles/markdown.ts). */
  introHtml: string;
  articles: { title: string; summary: string; url: string; section: string; byline: string; image?: { url: string; alt: string } | null }[];
  webUrl: string;
  unsubscribeUrl: string;
  manageUrl: string;
}

const headingStyle = { fontSize: '20px', lineHeight: '26px', margin: '0 0 4px' };
const kickerStyle = {
  fontFamily: 'Arial, sans-serif',
  fontSize: '11px',
  fontWeight: 700,
  letterSpacing: '1px',
  textTransform: 'uppercase' as const,
  color: '#a3121b',
  margin: '0 0 4px',
};
const metaStyle = { fontFamily: 'Arial, sans-serif', fontSize: '13px', color: '#666666', margin: '0 0 20px' };

export default function NewsletterIssue({ brand, subject, introHtml, articles, webUrl, unsubscribeUrl, manageUrl }: NewsletterIssueProps) {
  return (
    <EmailLayout
      brand={brand}
      preview={subject}
      footer={
        <>
          You get this because you subscribed to {brand.name}&apos;s newsletter. <BrandLink href={webUrl}>Read it on the web</BrandLink> ·{' '}
          <SubscriptionLinks manageUrl={manageUrl} unsubscribeUrl={unsubscribeUrl} />
        </>
      }
    >
      <Heading as="h1" style={{ fontSize: '24px', lineHeight: '30px', margin: '0 0 16px' }}>
        {subject}
      </Heading>
      {introHtml && <div style={textStyle} dangerouslySetInnerHTML={{ __html: introHtml }} />}
      <Hr />
      {articles.map((a) => (
        <Section key={a.url}>
          {a.image && (
            <BrandLink href={a.url}>
              <Img
                src={a.image.url}
                alt={a.image.alt}
                width="560"
                style={{ width: '100%', maxWidth: '560px', height: 'auto', margin: '0 0 8px' }}
              />
            </BrandLink>
          )}
          <Text style={kickerStyle}>{a.section}</Text>
          <Heading as="h2" style={headingStyle}>
            <BrandLink href={a.url} style={{ color: '#1b1b1b' }}>
              {a.title}
            </BrandLink>
          </Heading>
          <Text style={{ ...textStyle, margin: '0 0 4px' }}>{a.summary}</Text>
          <Text style={metaStyle}>
            {a.byline} · <BrandLink href={a.url}>Read the article</BrandLink>
          </Text>
        </Section>
      ))}
    </EmailLayout>
  );
}

NewsletterIssue.PreviewProps = {
  brand: previewBrand,
  subject: 'The week in public-sector technology',
  introHtml: '<p>Good morning. This week: a ransomware recovery, and a council that moved its payroll to the cloud.</p>',
  articles: [
    {
      title: 'Ransomware attack forces Eastmoor council back onto paper',
      summary: 'Benefits and housing systems remain offline.',
      url: 'http://localhost:3000/articles/example',
      section: 'Cyber Security',
      byline: 'By Priya Raman',
    },
  ],
  webUrl: 'http://localhost:3000/newsletter/archive/1',
  unsubscribeUrl: 'http://localhost:3000/newsletter/unsubscribe?token=example',
  manageUrl: 'http://localhost:3000/newsletter/manage?token=example',
} satisfies NewsletterIssueProps;
