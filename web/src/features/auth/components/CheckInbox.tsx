import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/Button';
import { DevMailboxLink } from '@/components/ui/DevMailboxLink';
import { OutcomeNotice, useOutcome } from '@/components/ui/Notice';
import { authApi } from '@/lib/auth';
import { describeError } from '@/lib/errors';

/**
 * After sign-up: the account exists once the emailed link is followed. The
 * text is the same whether or not the address was registered already (the
 * mail tells its owner which), so the page reveals nothing about accounts.
 */
export function CheckInbox({ email }: { email: string }) {
  const [busy, setBusy] = useState(false);
  const { outcome, show, clear } = useOutcome();

  async function resend() {
    setBusy(true);
    clear();
    try {
      await authApi.resendVerification(email);
      show('success', `If ${email} is still waiting for verification, a new link is on its way.`);
    } catch (err) {
      show('error', describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-4 text-sm">
      <p>
        We sent a link to <strong className="break-all">{email}</strong>. Follow it to finish creating your
        account. The link works for 24 hours.
      </p>
      <p className="text-slate-700 dark:text-slate-300">
        No mail after a few minutes? Check your spam folder, or send the link again.
      </p>
      <OutcomeNotice outcome={outcome} />
      <Button variant="secondary" busy={busy} onClick={() => void resend()}>
        {busy ? 'Sending…' : 'Send the link again'}
      </Button>
      <DevMailboxLink />
      <p>
        <Link to="/signin" className="font-medium text-indigo-700 underline dark:text-indigo-300">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
