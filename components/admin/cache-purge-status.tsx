import { purgeQueueStatus } from '@/lib/cache/purges';
import { describeAge, formatNewsroomTime } from '@/lib/site/dates';

/**
 * The overview's line on the shared caches in front of the site (CACHE_PURGE_URLS), for admins:
 * purges still owed to each and why the last attempt failed. Nothing when no cache is configured.
 */
export function CachePurgeStatus({ now = new Date() }: { now?: Date }) {
  const caches = purgeQueueStatus(now);
  if (caches.length === 0) return null;
  const late = caches.some((c) => c.late);
  return (
    <section aria-labelledby="purges-heading" className={`purge-status${late ? ' purge-status--late' : ''}`}>
      <h2 id="purges-heading">Shared caches</h2>
      {late && (
        <p role="alert">
          A cache has not confirmed its purges for more than a minute: readers behind it may see pages from before the latest changes. They
          are retried every few minutes until it answers.
        </p>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Cache</th>
            <th scope="col">Purges waiting</th>
            <th scope="col">Last failure</th>
          </tr>
        </thead>
        <tbody>
          {caches.map((c) => (
            <tr key={c.target}>
              <th scope="row">
                <code>{c.target}</code>
              </th>
              <td>
                {c.waiting === 0
                  ? 'none'
                  : `${c.waiting}, the oldest since ${formatNewsroomTime(c.oldestRequestedAt!)} (${describeAge(now.getTime() - c.oldestRequestedAt!.getTime())}, ${c.mostAttempts} ${c.mostAttempts === 1 ? 'attempt' : 'attempts'})`}
              </td>
              <td>{c.waiting > 0 && c.lastError ? c.lastError : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Every change purges the pages it touched from these caches (CACHE_PURGE_URLS), after the editor&rsquo;s action.
      </p>
    </section>
  );
}
