import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Administrators only' };

export default function ForbiddenPage() {
  return (
    <main id="main" className="wrap">
      <div className="notice">
        <h1>Administrators only</h1>
        <p>This part of the dashboard needs an administrator. Ask an admin if you need access.</p>
        <p>
          <Link href="/admin">Back to the dashboard</Link>
        </p>
      </div>
    </main>
  );
}
