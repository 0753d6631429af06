import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { FlashRegion } from '@/components/admin/flash-region';
import { signOutAction } from '@/lib/auth/actions';
import { undoModerationAction } from '@/lib/comments/admin-actions';
import { canAccess } from '@/lib/auth/roles';
import { requireStaff } from '@/lib/auth/session';
import { env } from '@/lib/env';

/** Pages reached from another page of the bar, which is marked while they are open. */
const WITHIN: Record<string, string[]> = { '/admin/comments': ['/admin/blocklist'], '/admin/subscribers': ['/admin/privacy'] };

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff();
  const links = (
    [
      ['/admin', 'Overview', 'staff'],
      ['/admin/articles', 'Articles', 'editor'],
      ['/admin/media', 'Media', 'editor'],
      ['/admin/authors', 'Authors', 'editor'],
      ['/admin/pages', 'Pages', 'editor'],
      ['/admin/comments', 'Comments', 'moderator'],
      ['/admin/log', 'Log', 'staff'],
      ['/admin/subscribers', 'Subscribers', 'moderator'],
      ['/admin/newsletters', 'Newsletters', 'staff'],
      ['/admin/outbox', 'Outbox', 'moderator'],
      ['/admin/staff', 'Staff', 'admin'],
    ] as const
  ).filter(([, , access]) => canAccess(staff.role, access));
  return (
    <>
      <header className="admin-bar">
        <div className="wrap admin-bar__inner">
          <Link href="/admin" className="admin-bar__name">
            {env.SITE_NAME}
            <span className="visually-hidden"> · Dashboard</span>
          </Link>
          <AdminNav links={links.map(([href, label]) => ({ href, label, within: WITHIN[href] }))} />
          <form action={signOutAction} className="admin-bar__user">
            <span>
              {staff.email}
              <span className="visually-hidden"> ({staff.role})</span>
            </span>{' '}
            <button type="submit" className="button--quiet">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main id="main" className="wrap admin-main">
        <FlashRegion undo={undoModerationAction} />
        {children}
      </main>
    </>
  );
}
