'use client';

import { useEffect, useState } from 'react';
import type { IssueProgress as Progress } from '@/lib/newsletter/issues';

/** A live progress bar for a send: polls the progress endpoint until every email is dealt with. */
export function IssueProgress({
  issueId,
  initial,
  audience,
}: {
  issueId: number;
  initial: Progress;
  /** Who it goes to: "subscribers" or "subscribers of Politics". */
  audience: string;
}) {
  const [progress, setProgress] = useState(initial);
  useEffect(() => {
    if (progress.done) return;
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/admin/newsletters/${issueId}/progress`, { cache: 'no-store' });
        if (res.ok) setProgress((await res.json()) as Progress);
      } catch {
        /* try again on the next tick */
      }
    }, 1000);
    return () => clearTimeout(timer);
  }, [issueId, progress]);
  const { recipients, sent, failed, cancelled, remaining } = progress;
  const handled = sent + failed + cancelled;
  const percent = recipients === 0 ? 100 : Math.round((handled / recipients) * 100);
  return (
    <section aria-labelledby="progress-heading" className="issue-progress">
      <h2 id="progress-heading">{progress.done ? 'Sent' : 'Sending'}</h2>
      <p className="issue-progress__audience">
        {progress.done ? 'Sent' : 'Sending'} to {recipients} {recipients === 1 ? audience.replace(/^subscribers/, 'subscriber') : audience}
      </p>
      <progress max={Math.max(recipients, 1)} value={recipients === 0 ? 1 : handled} aria-label="Sending progress">
        {percent}%
      </progress>
      <p role="status" aria-live="polite">
        {percent}% · {sent} sent · {failed} failed · {cancelled} unsubscribed meanwhile · {remaining} remaining of {recipients}
      </p>
    </section>
  );
}
