import type { Metadata, Viewport } from 'next';
import { env } from '@/lib/env';
import { feedTypes } from '@/lib/site/feeds';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: `${env.SITE_NAME}: public-sector technology news`, template: `%s | ${env.SITE_NAME}` },
  description: 'Independent reporting on digital government, procurement, councils, cyber security, data and health IT.',
  applicationName: env.SITE_NAME,
  openGraph: { siteName: env.SITE_NAME, locale: 'en_GB', type: 'website' },
  twitter: { card: 'summary_large_image' },
  alternates: { types: feedTypes() },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#141414' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
