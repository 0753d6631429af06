import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';

export interface Brand {
  name: string;
  url: string;
  postalAddress: string;
}

export const previewBrand: Brand = {
  name: 'The Ledger',
  url: 'http://localhost:3000',
  postalAddress: 'The Ledger, 1 Example Street, London EC1A 1AA',
};

/** The site's red: the masthead rule, buttons and links. */
export const BRAND_COLOUR = '#a3121b';

const styles = {
  body: { backgroundColor: '#f4f1ea', fontFamily: 'Georgia, "Times New Roman", serif', color: '#1b1b1b', margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', maxWidth: '560px', margin: '0 auto', padding: '32px', borderTop: `6px solid ${BRAND_COLOUR}` },
  masthead: { fontSize: '26px', fontWeight: 700, margin: '0 0 24px', color: '#1b1b1b', textDecoration: 'none' },
  // Lines tall enough that each footer link is a finger's width from the next.
  footer: { fontFamily: 'Arial, sans-serif', fontSize: '13px', lineHeight: '26px', color: '#595959' },
};

export const textStyle = { fontSize: '16px', lineHeight: '26px', margin: '0 0 16px' };
export const buttonStyle = {
  backgroundColor: BRAND_COLOUR,
  color: '#ffffff',
  fontFamily: 'Arial, sans-serif',
  fontWeight: 700,
  fontSize: '16px',
  padding: '12px 20px',
  borderRadius: '4px',
  textDecoration: 'none',
  display: 'inline-block',
};

/** A link in the brand's colour, underlined (mail clients' default blue is not ours). */
export function BrandLink({ style, ...props }: React.ComponentProps<typeof Link>) {
  return <Link {...props} style={{ color: BRAND_COLOUR, textDecoration: 'underline', ...style }} />;
}

/** The frame every email shares: masthead, content, and a footer with the postal address. */
export function EmailLayout({
  brand,
  preview,
  children,
  footer,
}: {
  brand: Brand;
  preview: string;
  children: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Link href={brand.url} style={styles.masthead}>
            {brand.name}
          </Link>
          <Section>{children}</Section>
          <Hr />
          <Text style={styles.footer}>
            {footer}
            {footer && <br />}
            {brand.postalAddress}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
