'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The dashboard's navigation, with the page (or section of pages) being used marked. */
export function AdminNav({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const current = (href: string) => (href === '/admin' ? pathname === '/admin' : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="Dashboard">
      <ul>
        {links.map(({ href, label }) => (
          <li key={href}>
            <Link href={href} aria-current={current(href) ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
        <li>
          <Link href="/">View site</Link>
        </li>
      </ul>
    </nav>
  );
}
