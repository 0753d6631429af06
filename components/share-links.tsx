import { shareTargets } from '@/lib/site/share';
import { ShareButton } from './share-button';

/**
 * Plain share links (no script or request to another site until the reader follows one), and, in a
 * browser that has it, the system share sheet and a copy button.
 */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  return (
    <section className="share" aria-labelledby="share-heading">
      <h2 id="share-heading" className="share__title">
        Share this article
      </h2>
      <ul>
        <ShareButton url={url} title={title} />
        {shareTargets({ url, title }).map((t) => (
          <li key={t.name}>
            <a href={t.href} rel="noopener noreferrer nofollow">
              {t.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
