import { SiteLink } from '@/components/site-link';
import { env } from '@/lib/env';
import type { SectionRef } from '@/lib/articles/queries';
import { sectionPath } from '@/lib/site/urls';
import { SearchBox } from './search-box';
import { SectionNav } from './section-nav';

export function SiteHeader({ sections }: { sections: SectionRef[] }) {
  return (
    <header className="masthead">
      <div className="wrap">
        <div className="masthead__top">
          <div>
            <SiteLink className="masthead__name" href="/">
              {env.SITE_NAME}
            </SiteLink>
            <p className="masthead__tagline">Public-sector technology, reported</p>
          </div>
          <form className="search-form" action="/search" method="get" role="search" aria-label="Site search">
            <label className="visually-hidden" htmlFor="site-search">
              Search articles
            </label>
            <SearchBox />
            <button type="submit">Search</button>
          </form>
        </div>
        {sections.length > 0 && <SectionNav sections={sections.map((s) => ({ name: s.name, href: sectionPath(s.slug) }))} />}
      </div>
    </header>
  );
}
