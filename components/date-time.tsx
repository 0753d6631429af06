import { formatDateTime } from '@/lib/site/dates';

/** A `<time>` element; the text is fixed to the newsroom's zone so every reader gets the same bytes. */
export function DateTime({ iso, showTime = false }: { iso: string; showTime?: boolean }) {
  return <time dateTime={new Date(iso).toISOString()}>{formatDateTime(iso, showTime)}</time>;
}
