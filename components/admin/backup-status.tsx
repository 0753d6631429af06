import { backupHealth, describeInterval } from '@/lib/backup/rules';
import { lastBackups } from '@/lib/backup/runs';
import { env } from '@/lib/env';
import { describeAge, formatNewsroomTime } from '@/lib/site/dates';

/** The overview's backup line, for admins: the last good backup and its age; a failed or old one stands out. */
export function BackupStatus({ now = new Date() }: { now?: Date }) {
  const { last, lastOk } = lastBackups();
  const health = backupHealth(last, lastOk?.startedAt ?? null, env.BACKUP_EVERY, now);
  const schedule =
    env.BACKUP_EVERY > 0
      ? `A server takes one every ${describeInterval(env.BACKUP_EVERY)}; the newest ${env.BACKUP_KEEP} are kept in ${env.BACKUP_DIR}.`
      : 'Scheduled backups are off (BACKUP_EVERY=off): take them with npm run backup on the server.';
  const good = lastOk
    ? `The last backup was taken ${formatNewsroomTime(lastOk.startedAt)} (${describeAge(now.getTime() - lastOk.startedAt.getTime())} ago), to ${lastOk.path}.`
    : 'No backup has been taken yet.';
  return (
    <section aria-labelledby="backups-heading" className={`backup-status backup-status--${health}`}>
      <h2 id="backups-heading">Backups</h2>
      {health === 'failed' && last && (
        <p role="alert">
          The last backup failed ({formatNewsroomTime(last.startedAt)}): {last.detail ?? 'no reason was recorded'}. The server log has more;{' '}
          <code>npm run backup</code> on the server tries again now.
        </p>
      )}
      {health === 'old' && (
        <p role="alert">The last good backup is older than two intervals: scheduled backups have stopped. Check the server log.</p>
      )}
      <p>{good}</p>
      <p className="hint">{schedule}</p>
    </section>
  );
}
