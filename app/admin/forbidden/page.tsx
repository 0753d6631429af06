import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Not part of your role' };

export default function ForbiddenPage() {
  return (
    <main id="main" className="wrap">
      <div className="notice">
        <h1>Not part of your role</h1>
        <p>
          This part of the dashboard belongs to another role: articles to editors, comments to moderators, staff to admins. Ask an admin if
          you need access.
        </p>
        <p>
          <Link href="/admin">Back to the dashboard</Link>
        </p>
      </div>
    </main>
  );
}
