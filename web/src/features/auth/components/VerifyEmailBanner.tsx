import { useState } from 'react';
import { useQuery } from 'urql';
import { Button } from '@/components/ui/Button';
import { DevMailboxLink } from '@/components/ui/DevMailboxLink';
import { session } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import { EmailVerifiedQuery } from '../api/verification';

/**
 * For a signed-in person whose address is not verified yet (accounts from
 * before verification existed): what is missing and a button for a new link.
 */
export function VerifyEmailBanner({ email, verified }: { email: string; verified: boolean | undefined }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);
  // `verified` is what the last sign-in or refresh said; `me.emailVerified` is
  // what is true now (the link may have been followed on another device).
  // Either one saying "verified" hides the banner.
  const [{ data }] = useQuery({ query: EmailVerifiedQuery, pause: verified !== false });
  if (verified !== false || data?.me?.emailVerified) return null;

  async function resend() {
    setBusy(true);
    setStatus('');
    try {
      await session.resendVerification();
      setFailed(false);
      setStatus(`We sent a link to ${email}. It works for 24 hours.`);
    } catch (err) {
      setFailed(true);
      setStatus(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      aria-labelledby="verify-email-banner"
      className="border-b border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
    >
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-3 text-sm sm:flex-row sm:flex-wrap sm:items-center">
        <h2 id="verify-email-banner" className="font-semibold">
          Verify your email address
        </h2>
        <p className="sm:flex-1">
          Follow the link we send to <strong className="break-all">{email}</strong> so you can always get back
          into your account.
        </p>
        <Button
          variant="secondary"
          busy={busy}
          onClick={() => void resend()}
          className="self-start sm:self-auto"
        >
          {busy ? 'Sending…' : 'Resend verification email'}
        </Button>
        {/* Always in the page, so screen readers announce what the button did. */}
        <p role="status" className={failed ? 'w-full text-red-800 dark:text-red-200' : 'w-full empty:hidden'}>
          {status}
        </p>
        {status && !failed && <DevMailboxLink className="w-full" />}
      </div>
    </section>
  );
}
