import { SiteLink } from '@/components/site-link';
import { articlePath } from '@/lib/site/urls';

/** A plain list of headlines, each a link to its article: section blocks, suggestions, what to read next. */
export function HeadlineList({ articles }: { articles: { id: number; slug: string; title: string }[] }) {
  return (
    <ul className="compact-list">
      {articles.map((a) => (
        <li key={a.id}>
          <SiteLink href={articlePath(a.slug)}>{a.title}</SiteLink>
        </li>
      ))}
    </ul>
  );
}
