import { Button, Text } from '@react-email/components';
import { type Brand, BrandLink, buttonStyle, EmailLayout, previewBrand, textStyle } from './layout';

export interface ConfirmNewAddressProps {
  brand: Brand;
  confirmUrl: string;
}

export const confirmNewAddressSubject = ({ brand }: Pick<ConfirmNewAddressProps, 'brand'>) =>
  `Confirm your new address for ${brand.name}'s newsletter`;

export default function ConfirmNewAddress({ brand, confirmUrl }: ConfirmNewAddressProps) {
  return (
    <EmailLayout
      brand={brand}
      preview="One click to move your newsletter to this address."
      footer="You get this email because someone asked to move a newsletter subscription to this address. If it was not you, ignore it: nothing will change."
    >
      <Text style={textStyle}>
        Someone, probably you, asked for their subscription to {brand.name}&apos;s newsletter to come to this address from now on.
      </Text>
      <Text style={textStyle}>
        Please confirm that this address is yours. Until you do, the newsletter keeps going to the old address. The link works for 48 hours.
      </Text>
      <Button href={confirmUrl} style={buttonStyle}>
        Confirm my new address
      </Button>
      <Text style={textStyle}>
        Or paste this link into your browser: <BrandLink href={confirmUrl}>{confirmUrl}</BrandLink>
      </Text>
    </EmailLayout>
  );
}

ConfirmNewAddress.PreviewProps = {
  brand: previewBrand,
  confirmUrl: 'http://localhost:3000/newsletter/confirm-address?token=example',
} satisfies ConfirmNewAddressProps;
