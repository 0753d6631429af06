import { Text } from '@react-email/components';
import { type Brand, BrandLink, EmailLayout, previewBrand, textStyle } from './layout';
import { SubscriptionLinks } from './subscription-links';

export interface WelcomeProps {
  brand: Brand;
  unsubscribeUrl: string;
  /** The subscriber's page: sections, pause, address. */
  manageUrl: string;
  /** The newest stories, to read before the first issue arrives. */
  latest: { title: string; url: string }[];
}

export const welcomeSubject = ({ brand }: Pick<WelcomeProps, 'brand'>) => `Welcome to ${brand.name}`;

export default function Welcome({ brand, unsubscribeUrl, manageUrl, latest }: WelcomeProps) {
  return (
    <EmailLayout
      brand={brand}
      preview="Your subscription is confirmed."
      footer={
        <>
          You get this email because you subscribed to {brand.name}&apos;s newsletter.{' '}
          <SubscriptionLinks manageUrl={manageUrl} unsubscribeUrl={unsubscribeUrl} />
        </>
      }
    >
      <Text style={textStyle}>Thank you for subscribing. Your subscription is confirmed.</Text>
      <Text style={textStyle}>
        The newsletter comes every Friday morning, with the week&apos;s reporting on public-sector technology: digital government,
        procurement, councils, cyber security, data and health IT.
      </Text>
      {latest.length > 0 && (
        <>
          <Text style={{ ...textStyle, fontWeight: 700, margin: '16px 0 4px' }}>While you wait for Friday, the latest stories:</Text>
          {latest.map((a) => (
            <Text key={a.url} style={{ ...textStyle, margin: '0 0 8px' }}>
              <BrandLink href={a.url} style={{ fontWeight: 700 }}>
                {a.title}
              </BrandLink>
            </Text>
          ))}
        </>
      )}
      <Text style={textStyle}>
        You can choose the sections you hear about, pause for a month or change your address on{' '}
        <BrandLink href={manageUrl}>your subscription page</BrandLink>.
      </Text>
      <Text style={textStyle}>
        Everything new is always on the front page of <BrandLink href={brand.url}>{brand.name}</BrandLink>.
      </Text>
    </EmailLayout>
  );
}

Welcome.PreviewProps = {
  brand: previewBrand,
  unsubscribeUrl: 'http://localhost:3000/newsletter/unsubscribe?token=example',
  manageUrl: 'http://localhost:3000/newsletter/manage?token=example',
  latest: [{ title: 'Ransomware attack forces Eastmoor council back onto paper', url: 'http://localhost:3000/articles/example' }],
} satisfies WelcomeProps;
