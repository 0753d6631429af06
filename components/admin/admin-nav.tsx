'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The dashboard's navigation, with the page (or section of pages) being used marked. */
export function AdminNav({ links }: { links: { href: string; label: string; within?: string[] }[] }) {
  const pathname = usePathname();
  const under = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const current = (href: string, within: string[] = []) => (href === '/admin' ? pathname === '/admin' : [href, ...within].some(under));
  return (
    <nav aria-label="Dashboard">
      <ul>
        {links.map(({ href, label, within }) => (
          <li key={href}>
            <Link href={href} aria-current={current(href, within) ? 'page' : undefined}>
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
