import { Link, Text } from '@react-email/components';
import { EmailLayout, previewBrand, textStyle, type Brand } from './layout';

export interface WelcomeProps {
  brand: Brand;
  unsubscribeUrl: string;
}

export const welcomeSubject = ({ brand }: Pick<WelcomeProps, 'brand'>) => `Welcome to ${brand.name}`;

export default function Welcome({ brand, unsubscribeUrl }: WelcomeProps) {
  return (
    <EmailLayout
      brand={brand}
      preview="Your subscription is confirmed."
      footer={
        <>
          You get this email because you subscribed to {brand.name}&apos;s newsletter. <Link href={unsubscribeUrl}>Unsubscribe</Link>
        </>
      }
    >
      <Text style={textStyle}>Thank you for subscribing. Your subscription is confirmed.</Text>
      <Text style={textStyle}>
        Every issue brings the week&apos;s reporting on public-sector technology: digital government, procurement, councils, cyber security,
        data and health IT.
      </Text>
      <Text style={textStyle}>
        In the meantime, the latest stories are always at <Link href={brand.url}>{brand.url.replace(/^https?:\/\//, '')}</Link>.
      </Text>
    </EmailLayout>
  );
}

Welcome.PreviewProps = {
  brand: previewBrand,
  unsubscribeUrl: 'http://localhost:3000/newsletter/unsubscribe?token=example',
} satisfies WelcomeProps;
