import { env } from '@/lib/env';
import { absoluteUrl } from '@/lib/site/urls';

// Links and headers in newsletter email, always built from SITE_URL (never from the request).

export const confirmUrl = (token: string) => absoluteUrl(`/newsletter/confirm?token=${encodeURIComponent(token)}`);
export const unsubscribePageUrl = (token: string) => absoluteUrl(`/newsletter/unsubscribe?token=${encodeURIComponent(token)}`);
/** The subscriber's own page (sections, pause, address, unsubscribe): the same per-subscriber token. */
export const managePageUrl = (token: string) => absoluteUrl(`/newsletter/manage?token=${encodeURIComponent(token)}`);
export const confirmNewAddressUrl = (token: string) => absoluteUrl(`/newsletter/confirm-address?token=${encodeURIComponent(token)}`);
export const oneClickUnsubscribeUrl = (token: string) => absoluteUrl(`/api/newsletter/unsubscribe?token=${encodeURIComponent(token)}`);

function senderAddress(): string {
  return /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM.trim();
}

/** RFC 2369 List-Unsubscribe (https and mailto), RFC 8058 one-click, and RFC 2919 List-Id. */
export function newsletterHeaders(unsubscribeToken: string): Record<string, string> {
  const host = new URL(env.SITE_URL).hostname;
  return {
    'List-Unsubscribe': `<${oneClickUnsubscribeUrl(unsubscribeToken)}>, <mailto:${senderAddress()}?subject=unsubscribe%20${unsubscribeToken}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': `${env.SITE_NAME.replace(/[<>"]/g, '')} newsletter <newsletter.${host}>`,
  };
}
