import { SitePageView, sitePageMetadata } from '@/components/site-page-view';

// Per request from cached data: the page changes when an editor saves it (/admin/pages), and the
// build has no database to read.
export const dynamic = 'force-dynamic';
export const generateMetadata = () => sitePageMetadata('about');

export default function Page() {
  return <SitePageView slug="about" />;
}
