import { Button, Text } from '@react-email/components';
import { type Brand, BrandLink, buttonStyle, EmailLayout, previewBrand, textStyle } from './layout';

export interface ConfirmCommenterProps {
  brand: Brand;
  confirmUrl: string;
  /** For an address we already know: forget every browser that proved it. */
  links: { forget: string } | null;
}

export const confirmCommenterSubject = ({ brand }: Pick<ConfirmCommenterProps, 'brand'>) =>
  `Confirm your email for ${brand.name}'s comments`;

export default function ConfirmCommenter({ brand, confirmUrl, links }: ConfirmCommenterProps) {
  return (
    <EmailLayout
      brand={brand}
      preview="One click, and this browser can tell you of replies."
      footer={
        <>
          You get this email because someone entered this address in our comment form. If it was not you, ignore it: nothing changes.
          {links && (
            <>
              {' '}
              <BrandLink href={links.forget}>Forget this browser</BrandLink>
            </>
          )}
        </>
      }
    >
      <Text style={textStyle}>Please confirm that this is your email address. Then, from the browser where you press the button:</Text>
      <ul>
        <li style={textStyle}>we can email you when someone replies to a comment you asked about;</li>
        <li style={textStyle}>once our moderators have approved a few of your comments, new ones appear at once.</li>
      </ul>
      <Text style={textStyle}>The link works for 48 hours.</Text>
      <Button href={confirmUrl} style={buttonStyle}>
        Confirm my email
      </Button>
      <Text style={textStyle}>
        Or paste this link into your browser: <BrandLink href={confirmUrl}>{confirmUrl}</BrandLink>
      </Text>
    </EmailLayout>
  );
}

ConfirmCommenter.PreviewProps = {
  brand: previewBrand,
  confirmUrl: 'http://localhost:3000/comments/confirm?token=example',
  links: null,
} satisfies ConfirmCommenterProps;
