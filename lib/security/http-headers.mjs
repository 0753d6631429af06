// The security headers of every response. Plain JavaScript: next.config.ts sets the fixed ones at
// build, and scripts/server.mjs adds the ones that depend on SITE_URL at run time (one build can be
// served at another address).

/**
 * The Content-Security-Policy. Everything comes from this site; no third-party origin is allowed
 * anywhere. The one allowance is inline script: Next streams each page's React data in inline
 * <script> tags, and a cached page is the same bytes for every reader, so there is no per-request
 * nonce to allow them by (README, "Security"). Inline style is allowed too, for React's style
 * attributes. In development React also needs eval, and the reload socket.
 */
export function contentSecurityPolicy({ dev = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "frame-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The headers every response carries, whatever the address the site is served at. */
export function fixedSecurityHeaders({ dev = false } = {}) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ dev }) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    // For browsers without CSP's frame-ancestors.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}

/**
 * HSTS, on an https site only (on plain http a browser ignores it, and a localhost site must stay
 * reachable over http). A year, without includeSubDomains: other hosts of the domain are not ours
 * to pin.
 */
export function siteSecurityHeaders(siteUrl) {
  return new URL(siteUrl).protocol === 'https:' ? { 'Strict-Transport-Security': 'max-age=31536000' } : {};
}
