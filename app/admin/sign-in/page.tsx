import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/admin/sign-in-form';
import { requestSignInLink } from '@/lib/auth/actions';
import { SIGN_IN_SENT } from '@/lib/auth/messages';
import { safeCallbackPath } from '@/lib/auth/auth';
import { currentStaff } from '@/lib/auth/session';
import { FIRST_STAFF_HINT } from '@/lib/staff/manage';
import { hasStaff } from '@/lib/staff/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  if (await currentStaff()) redirect(safeCallbackPath(params.callbackUrl));
  const error = typeof params.error === 'string' ? params.error : undefined;
  return (
    <>
      {params.signedOut && <p className="form-message">You have signed out.</p>}
      {error && (
        <p className="form-message form-message--error" role="alert">
          {error === 'Verification'
            ? 'That sign-in link has expired or has already been used. Enter your email to get a new one.'
            : 'Sign-in did not work. Enter your email to get a new link.'}
        </p>
      )}
      {params.sent ? (
        <p className="form-message" role="status">
          {SIGN_IN_SENT}
        </p>
      ) : (
        <>
          <p className="hint">Staff only. We will email you a link that signs you in; it works once, for 10 minutes.</p>
          {!hasStaff() && <p className="form-message">This site has no staff yet. {FIRST_STAFF_HINT}</p>}
          <SignInForm action={requestSignInLink} callbackUrl={safeCallbackPath(params.callbackUrl)} />
        </>
      )}
    </>
  );
}
