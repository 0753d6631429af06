import 'server-only';
import { render } from '@react-email/components';
import type { ReactElement } from 'react';
import type { Brand } from '@/emails/layout';
import { env } from '@/lib/env';

/** The site's identity as every email template shows it. */
export function brand(): Brand {
  return { name: env.SITE_NAME, url: env.SITE_URL, postalAddress: env.POSTAL_ADDRESS };
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** HTML and plain text from one template. Render before opening the transaction that enqueues. */
export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
