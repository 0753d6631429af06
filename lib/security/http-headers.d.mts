export function contentSecurityPolicy(options?: { dev?: boolean }): string;
export function fixedSecurityHeaders(options?: { dev?: boolean }): { key: string; value: string }[];
export function siteSecurityHeaders(siteUrl: string): Record<string, string>;
