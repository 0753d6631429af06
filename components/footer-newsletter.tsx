'use client';

import { usePathname } from 'next/navigation';

/** Pages that are about the newsletter already: the footer does not ask a second time there. */
const NEWSLETTER_PAGES = ['/newsletter', '/newsletter/confirm'];

/** The footer's sign-up box, left out where the page itself is the newsletter's (or just confirmed it). */
export function FooterNewsletter({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  return NEWSLETTER_PAGES.includes(pathname) ? null : <>{children}</>;
}
