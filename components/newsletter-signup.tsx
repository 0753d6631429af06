import { subscribeToNewsletter } from '@/lib/newsletter/actions';
import { NewsletterForm } from './newsletter-form';

export function NewsletterSignup({ intro }: { intro?: string }) {
  return <NewsletterForm action={subscribeToNewsletter} intro={intro} />;
}
