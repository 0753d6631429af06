'use client';

import { SiteLink } from '@/components/site-link';
import { usePathname } from 'next/navigation';

/**
 * The sections, with the one being read marked (aria-current). In the browser, so the header stays
 * the same cached bytes on every page; without JavaScript it is plain links. The server gives the
 * paths (lib/site/urls.ts reads the settings, which stay out of the browser's bundle).
 */
export function SectionNav({ sections }: { sections: { name: string; href: string }[] }) {
  const pathname = usePathname();
  return (
    <nav className="section-nav" aria-label="Sections">
      <ul>
        {sections.map(({ name, href }) => {
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <SiteLink href={href} aria-current={current ? 'page' : undefined}>
                {name}
              </SiteLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
