'use client';

import Link from 'next/link';
import { useState, type ComponentProps } from 'react';

interface NetworkInformation {
  saveData?: boolean;
  effectiveType?: string;
}

/** Whether the reader asked to save data (Save-Data) or is on a 2G connection. */
function savesData(): boolean {
  const connection = (navigator as Navigator & { connection?: NetworkInformation }).connection;
  return Boolean(connection?.saveData) || /(^|-)2g$/.test(connection?.effectiveType ?? '');
}

/**
 * A link between reader pages. Next prefetches every link as it scrolls into view, so a first visit
 * to an article would also download the section pages of the header; this one prefetches only
 * when the reader shows intent (a pointer over it, a finger on it, keyboard focus), and never for a
 * reader saving data. Navigation is Next's client-side one all the same, and without JavaScript it
 * is a plain link.
 */
export function SiteLink({ prefetch: _prefetch, onPointerEnter, onTouchStart, onFocus, ...props }: ComponentProps<typeof Link>) {
  const [intent, setIntent] = useState(false);
  const showIntent = () => {
    if (!intent && !savesData()) setIntent(true);
  };
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onPointerEnter={(event) => {
        showIntent();
        onPointerEnter?.(event);
      }}
      onTouchStart={(event) => {
        showIntent();
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        showIntent();
        onFocus?.(event);
      }}
    />
  );
}
