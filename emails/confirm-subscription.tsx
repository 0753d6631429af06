import { Button, Text } from '@react-email/components';
import { type Brand, BrandLink, buttonStyle, EmailLayout, previewBrand, textStyle } from './layout';

export interface ConfirmSubscriptionProps {
  brand: Brand;
  confirmUrl: string;
}

export const confirmSubscriptionSubject = ({ brand }: Pick<ConfirmSubscriptionProps, 'brand'>) =>
  `Confirm your subscription to ${brand.name}`;

export default function ConfirmSubscription({ brand, confirmUrl }: ConfirmSubscriptionProps) {
  return (
    <EmailLayout
      brand={brand}
      preview={`One click to start receiving ${brand.name}.`}
      footer="You get this email because someone entered this address in our newsletter form. If it was not you, ignore it: you will not be subscribed."
    >
      <Text style={textStyle}>Thanks for signing up to {brand.name}&apos;s newsletter.</Text>
      <Text style={textStyle}>Please confirm that you want to receive it. The link works for 48 hours.</Text>
      <Button href={confirmUrl} style={buttonStyle}>
        Confirm my subscription
      </Button>
      <Text style={textStyle}>
        Or paste this link into your browser: <BrandLink href={confirmUrl}>{confirmUrl}</BrandLink>
      </Text>
    </EmailLayout>
  );
}

ConfirmSubscription.PreviewProps = {
  brand: previewBrand,
  confirmUrl: 'http://localhost:3000/newsletter/confirm?token=example',
} satisfies ConfirmSubscriptionProps;
