import { Button, Text } from '@react-email/components';
import { type Brand, BrandLink, buttonStyle, EmailLayout, previewBrand, textStyle } from './layout';

export interface SignInLinkProps {
  brand: Brand;
  url: string;
  minutes: number;
}

export const signInLinkSubject = ({ brand }: Pick<SignInLinkProps, 'brand'>) => `Your sign-in link for ${brand.name}`;

export default function SignInLink({ brand, url, minutes }: SignInLinkProps) {
  return (
    <EmailLayout
      brand={brand}
      preview="Sign in to the dashboard."
      footer="If you did not ask to sign in, ignore this email: nobody can sign in without the link."
    >
      <Text style={textStyle}>
        Use this link to sign in to {brand.name}&apos;s dashboard. It works once, for {minutes} minutes.
      </Text>
      <Button href={url} style={buttonStyle}>
        Sign in
      </Button>
      <Text style={textStyle}>
        Or paste this link into your browser: <BrandLink href={url}>{url}</BrandLink>
      </Text>
    </EmailLayout>
  );
}

SignInLink.PreviewProps = {
  brand: previewBrand,
  url: 'http://localhost:3000/api/auth/callback/email?token=example',
  minutes: 10,
} satisfies SignInLinkProps;
