import { Button, Text } from '@react-email/components';
import { type Brand, BrandLink, buttonStyle, EmailLayout, previewBrand, textStyle } from './layout';

export interface MyDataLinkProps {
  brand: Brand;
  url: string;
}

export const myDataLinkSubject = ({ brand }: Pick<MyDataLinkProps, 'brand'>) => `Your data at ${brand.name}`;

export default function MyDataLink({ brand, url }: MyDataLinkProps) {
  return (
    <EmailLayout
      brand={brand}
      preview="See, download or erase what we hold for this address."
      footer="You get this email because someone asked for it on our My data page. If it was not you, ignore it: nothing is shown to anyone without this link."
    >
      <Text style={textStyle}>You asked to see what {brand.name} holds for this email address.</Text>
      <Text style={textStyle}>
        The link below shows it all: your comments, your newsletter subscription and the emails we sent you. From there you can download it
        or erase it. The link works once, for one hour.
      </Text>
      <Button href={url} style={buttonStyle}>
        See my data
      </Button>
      <Text style={textStyle}>
        Or paste this link into your browser: <BrandLink href={url}>{url}</BrandLink>
      </Text>
    </EmailLayout>
  );
}

MyDataLink.PreviewProps = {
  brand: previewBrand,
  url: 'http://localhost:3000/my-data/open?token=example',
} satisfies MyDataLinkProps;
