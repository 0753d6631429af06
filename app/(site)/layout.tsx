import { SiteFooter } from '@/components/site-footer';
import { FooterNewsletter } from '@/components/footer-newsletter';
import { NewsletterSignup } from '@/components/newsletter-signup';
import { SiteHeader } from '@/components/site-header';
import { listSections } from '@/lib/articles/queries';

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const sections = await listSections();
  return (
    <>
      <SiteHeader sections={sections} />
      <main id="main" tabIndex={-1}>
        <div className="wrap">{children}</div>
      </main>
      <SiteFooter
        newsletter={
          <FooterNewsletter>
            <NewsletterSignup />
          </FooterNewsletter>
        }
      />
    </>
  );
}
