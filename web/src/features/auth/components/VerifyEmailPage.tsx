import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { EmailField } from '@/components/ui/Field';
import { Notice, OutcomeNotice, useOutcome } from '@/components/ui/Notice';
import { useToast } from '@/components/ui/Toast';
import { authApi, session, useSession } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import { AuthLayout } from './AuthLayout';

const linkClass = 'font-medium text-indigo-700 underline dark:text-indigo-300';

/**
 * From the emailed link: posts the token once (a sign-up, a legacy
 * account's verification or an email change), which signs in, then goes on
 * to the dashboard. A refused link gets a way to ask for a new one.
 */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const toast = useToast();
  const [error, setError] = useState<string | null>(
    token ? null : 'This page needs the link from your email. Open the link again.',
  );
  // The token is single use: React's development double effects must not spend it twice.
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    session.verifyEmail(token).then(
      () => {
        toast({ title: 'Your email address is verified', variant: 'success' });
        navigate('/dashboard', { replace: true });
      },
      (err: unknown) => setError(describeError(err)),
    );
  }, [token, navigate, toast]);

  if (!error) {
    return (
      <AuthLayout title="Verifying your email address">
        <p role="status" className="text-sm">
          Checking your link…
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Verify your email address">
      <div className="flex flex-col gap-4">
        <Notice tone="error" focusKey={error}>
          {error}
        </Notice>
        <Resend />
      </div>
    </AuthLayout>
  );
}

/** A new link: for the signed-in person's address, or for the one typed in. */
function Resend() {
  const state = useSession();
  const signedIn = state.status === 'signedIn';
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const { outcome, show } = useOutcome();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const to = signedIn ? state.user.email : email.trim();
    if (!to.includes('@')) {
      show('error', 'Enter a valid email address.');
      return;
    }
    setBusy(true);
    try {
      if (signedIn) await session.resendVerification();
      else await authApi.resendVerification(to);
      show(
        'success',
        `If ${to} is waiting for verification, a new link is on its way. It works for 24 hours.`,
      );
    } catch (err) {
      show('error', describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-4 border-t border-slate-200 pt-4 dark:border-slate-700"
      noValidate
    >
      <h2 className="text-base font-semibold">Get a new link</h2>
      <OutcomeNotice outcome={outcome} />
      {signedIn ? (
        <p className="text-sm">
          We will send it to <strong className="break-all">{state.user.email}</strong>.
        </p>
      ) : (
        <EmailField value={email} onChange={(e) => setEmail(e.target.value)} />
      )}
      <Button type="submit" variant="secondary" busy={busy}>
        {busy ? 'Sending…' : 'Send a new link'}
      </Button>
      <p className="text-sm">
        {signedIn ? (
          <Link to="/dashboard" className={linkClass}>
            Go to your dashboard
          </Link>
        ) : (
          <Link to="/signin" className={linkClass}>
            Sign in
          </Link>
        )}
      </p>
    </form>
  );
}
