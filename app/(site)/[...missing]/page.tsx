import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

// Every address no route claims lands here, inside the reader layout, so its 404 has the site's
// header, search, sections and footer (app/(site)/not-found.tsx) rather than a bare page.
export default function Missing() {
  notFound();
}
