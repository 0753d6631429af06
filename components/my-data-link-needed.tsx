import { SiteLink } from '@/components/site-link';

/** What a My data page says to a browser without a session: it opens from the emailed link. */
export function MyDataLinkNeeded({ title }: { title: string }) {
  return (
    <div className="notice">
      <h1>{title}</h1>
      <p role="status">This page opens from the link we email you, for one hour in the browser that opened it.</p>
      <p>
        <SiteLink href="/my-data">Ask for a link</SiteLink>
      </p>
    </div>
  );
}
