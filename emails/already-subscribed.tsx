import { Text } from '@react-email/components';
import { type Brand, BrandLink, EmailLayout, previewBrand, textStyle } from './layout';

export interface AlreadySubscribedProps {
  brand: Brand;
  unsubscribeUrl: string;
}

export const alreadySubscribedSubject = ({ brand }: Pick<AlreadySubscribedProps, 'brand'>) => `You are already subscribed to ${brand.name}`;

export default function AlreadySubscribed({ brand, unsubscribeUrl }: AlreadySubscribedProps) {
  return (
    <EmailLayout
      brand={brand}
      preview="Good news: you are already on the list."
      footer="You get this email because someone entered this address in our newsletter form."
    >
      <Text style={textStyle}>Someone, probably you, asked to subscribe this address to {brand.name}&apos;s newsletter.</Text>
      <Text style={textStyle}>You are already subscribed, so there is nothing more to do. The next issue will arrive as usual.</Text>
      <Text style={textStyle}>
        If you would rather stop receiving it, you can <BrandLink href={unsubscribeUrl}>unsubscribe here</BrandLink>.
      </Text>
    </EmailLayout>
  );
}

AlreadySubscribed.PreviewProps = {
  brand: previewBrand,
  unsubscribeUrl: 'http://localhost:3000/newsletter/unsubscribe?token=example',
} satisfies AlreadySubscribedProps;
