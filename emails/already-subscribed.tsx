import { Text } from '@react-email/components';
import { type Brand, BrandLink, EmailLayout, previewBrand, textStyle } from './layout';
import { SubscriptionLinks } from './subscription-links';

export interface AlreadySubscribedProps {
  brand: Brand;
  unsubscribeUrl: string;
  manageUrl: string;
}

export const alreadySubscribedSubject = ({ brand }: Pick<AlreadySubscribedProps, 'brand'>) => `You are already subscribed to ${brand.name}`;

export default function AlreadySubscribed({ brand, unsubscribeUrl, manageUrl }: AlreadySubscribedProps) {
  return (
    <EmailLayout
      brand={brand}
      preview="Good news: you are already on the list."
      footer={
        <>
          You get this email because someone entered this address in our newsletter form.{' '}
          <SubscriptionLinks manageUrl={manageUrl} unsubscribeUrl={unsubscribeUrl} />
        </>
      }
    >
      <Text style={textStyle}>Someone, probably you, asked to subscribe this address to {brand.name}&apos;s newsletter.</Text>
      <Text style={textStyle}>You are already subscribed, so there is nothing more to do. The next issue will arrive as usual.</Text>
      <Text style={textStyle}>
        To choose the sections you hear about, pause it or change your address, go to{' '}
        <BrandLink href={manageUrl}>your subscription page</BrandLink>. If you would rather stop receiving it, you can{' '}
        <BrandLink href={unsubscribeUrl}>unsubscribe here</BrandLink>.
      </Text>
    </EmailLayout>
  );
}

AlreadySubscribed.PreviewProps = {
  brand: previewBrand,
  unsubscribeUrl: 'http://localhost:3000/newsletter/unsubscribe?token=example',
  manageUrl: 'http://localhost:3000/newsletter/manage?token=example',
} satisfies AlreadySubscribedProps;
