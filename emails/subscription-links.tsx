import { BrandLink } from './layout';

/**
 * The footer links of every email a subscriber gets as one: their own subscription page, then
 * unsubscribe. Both carry the same per-subscriber token.
 */
export function SubscriptionLinks({ manageUrl, unsubscribeUrl }: { manageUrl: string; unsubscribeUrl: string }) {
  return (
    <>
      <BrandLink href={manageUrl}>Manage your subscription</BrandLink> · <BrandLink href={unsubscribeUrl}>Unsubscribe</BrandLink>
    </>
  );
}
