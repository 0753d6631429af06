'use client';

import { useEffect, useState } from 'react';

/**
 * "Share…" (the device's share sheet, where the browser has the Web Share API) and "Copy link".
 * Rendered only once the browser is known to support them, so a page without JavaScript shows only
 * the plain links beside them.
 */
export function ShareButton({ url, title }: { url: string; title: string }) {
  const [can, setCan] = useState({ share: false, copy: false });
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    // Known only in the browser: the server's HTML (the same for everyone) leaves these buttons out.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCan({ share: typeof navigator.share === 'function', copy: Boolean(navigator.clipboard) });
  }, []);
  return (
    <>
      {can.share && (
        <li>
          <button type="button" className="button--quiet" onClick={() => navigator.share({ title, url }).catch(() => undefined)}>
            Share…
          </button>
        </li>
      )}
      {can.copy && (
        <li>
          <button
            type="button"
            className="button--quiet"
            onClick={() =>
              navigator.clipboard.writeText(url).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? 'Link copied' : 'Copy link'}
          </button>
          <span className="visually-hidden" aria-live="polite">
            {copied ? 'The link is copied.' : ''}
          </span>
        </li>
      )}
    </>
  );
}
