import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, fixedSecurityHeaders, siteSecurityHeaders } from './http-headers.mjs';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]));

describe('security headers', () => {
  it('allow nothing from another origin, no plugins, no base, no framing, forms only to this site', () => {
    const csp = directives(contentSecurityPolicy());
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self' 'unsafe-inline'");
    for (const value of csp.values()) expect(value).not.toMatch(/https?:|\*/);
  });

  it('allow eval only in development', () => {
    expect(contentSecurityPolicy({ dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy()).not.toContain("'unsafe-eval'");
  });

  it('always send the fixed headers', () => {
    const names = fixedSecurityHeaders().map((h) => h.key);
    expect(names).toEqual(
      expect.arrayContaining([
        'Content-Security-Policy',
        'X-Content-Type-Options',
        'Referrer-Policy',
        'Permissions-Policy',
        'X-Frame-Options',
      ]),
    );
  });

  it('send HSTS on an https site only', () => {
    expect(siteSecurityHeaders('https://news.example.org')).toEqual({ 'Strict-Transport-Security': 'max-age=31536000' });
    expect(siteSecurityHeaders('http://localhost:3000')).toEqual({});
  });
});
