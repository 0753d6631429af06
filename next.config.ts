import path from 'node:path';
import type { NextConfig } from 'next';
// Importing the env module validates the configuration at build and at start.
import './lib/env';
import { MAX_UPLOAD_REQUEST_BYTES } from './lib/media/rules';
import { fixedSecurityHeaders } from './lib/security/http-headers.mjs';

// HSTS depends on SITE_URL, so scripts/server.mjs adds it at run time.
const securityHeaders = fixedSecurityHeaders({ dev: process.env.NODE_ENV === 'development' });

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Next would gzip every response as it streams, even a 300-byte action answer, and a zlib stream
  // per response costs more CPU than the whole comment action (bench/README.md). The production
  // server compresses instead (lib/http/compression.mjs): build files once per build, cached pages
  // once per copy, other GETs as they stream, POSTs never.
  compress: false,
  // Pages and data are cached in memory per process, with invalidations shared through SQLite
  // (lib/cache/tag-clock.mjs): rendered pages through `cacheHandler`, `'use cache'` data through
  // `cacheHandlers`.
  cacheHandler: path.resolve(process.cwd(), 'lib/cache/next-cache-handler.mjs'),
  cacheHandlers: { default: path.resolve(process.cwd(), 'lib/cache/use-cache-handler.mjs') },
  cacheMaxMemorySize: 0,
  cacheLife: {
    // Reader data: kept until a tag it was read under is invalidated (lib/cache/invalidate.ts),
    // and made again hourly anyway, so the pages built from it are too.
    reader: { stale: 300, revalidate: 3600, expire: 86_400 },
  },
  typedRoutes: false,
  experimental: {
    // `'use cache'` for reader data (cacheTag, cacheLife), without Cache Components' rendering
    // model: under it, Next 16 answers 200 for notFound() and redirect() in pages rendered per
    // request, and a form posted without JavaScript got the page without its answer (README, "How
    // it works").
    useCache: true,
    // The stylesheet goes in the page's <head> rather than a <link>: a reader's first paint waits
    // for no request after the HTML. Reader pages carry only the reader rules; the dashboard's are
    // in app/admin/admin.css and reach only dashboard pages.
    inlineCss: true,
    // proxy.ts runs on /admin, and Next hands a route behind the proxy only the first 10 MB of a
    // request body (silently). A picture upload may be 10 MB plus its form fields.
    proxyClientMaxBodySize: MAX_UPLOAD_REQUEST_BYTES,
  },
  async headers() {
    const noReferrer = [{ key: 'Referrer-Policy', value: 'no-referrer' }];
    // My data's link carries a token too, but its forms post server actions, which Next refuses
    // with the `Origin: null` that browsers send under no-referrer: same-origin keeps the Origin
    // and still tells other sites nothing.
    const sameOriginReferrer = [{ key: 'Referrer-Policy', value: 'same-origin' }];
    return [
      { source: '/:path*', headers: securityHeaders },
      // Pages and endpoints that carry tokens in their URL must not leak them to other sites.
      { source: '/newsletter/:path*', headers: noReferrer },
      { source: '/api/newsletter/:path*', headers: noReferrer },
      { source: '/comments/:path*', headers: sameOriginReferrer },
      { source: '/my-data', headers: sameOriginReferrer },
      { source: '/my-data/:path*', headers: sameOriginReferrer },
      // The subscription page's forms are server actions, and under no-referrer a browser without
      // JavaScript posts them with `Origin: null`, which Next refuses as a cross-site request.
      // same-origin still sends no Referer to any other site. (Last match wins.)
      { source: '/newsletter/manage', headers: [{ key: 'Referrer-Policy', value: 'same-origin' }] },
    ];
  },
  async redirects() {
    // Links and bookmarks made to /category/ pages keep working.
    return [{ source: '/category/:path*', destination: '/section/:path*', permanent: true }];
  },
  async rewrites() {
    // The front page is page 1 of the paginated front, so it is cached like the other pages
    // (rendered on first request, kept until a tag is invalidated) instead of prerendered at
    // build time from whatever database the build machine had.
    return { beforeFiles: [{ source: '/', destination: '/page/1' }], afterFiles: [], fallback: [] };
  },
};

export default nextConfig;
