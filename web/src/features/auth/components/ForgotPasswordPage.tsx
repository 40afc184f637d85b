import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { Button } from '@/components/ui/Button';
import { DevMailboxLink } from '@/components/ui/DevMailboxLink';
import { EmailField } from '@/components/ui/Field';
import { Notice } from '@/components/ui/Notice';
import { authApi } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import { useFocusFirstInvalid } from '@/lib/focus';
import { AuthLayout } from './AuthLayout';

const linkClass = 'font-medium text-indigo-700 underline dark:text-indigo-300';

/**
 * Asks for a reset link. The answer is the same whether or not an account
 * uses the address (OWASP Forgot Password cheat sheet: no account enumeration).
 */
export function ForgotPasswordPage() {
  const location = useLocation();
  const prefill = (location.state as { email?: unknown } | null)?.email;
  const [email, setEmail] = useState(typeof prefill === 'string' ? prefill : '');
  const [tried, setTried] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, tried);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; n: number } | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invalid = !/^[^\s@]+@[^\s@]+$/.test(email.trim());

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (invalid) {
      setTried((n) => n + 1);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await authApi.forgotPassword(email.trim());
      setSentTo(email.trim());
    } catch (err) {
      setError((prev) => ({ text: describeError(err), n: (prev?.n ?? 0) + 1 }));
    } finally {
      setBusy(false);
    }
  }

  if (sentTo) {
    return (
      <AuthLayout key="sent" title="Check your inbox" focusHeading>
        <div className="flex flex-col gap-4 text-sm">
          <p>
            If an account uses <strong className="break-all">{sentTo}</strong>, we sent it a link to choose a
            new password. The link works for 30 minutes and only once.
          </p>
          <p className="text-slate-700 dark:text-slate-300">
            No mail after a few minutes? Check your spam folder or{' '}
            <button type="button" className={linkClass} onClick={() => setSentTo(null)}>
              ask for another link
            </button>
            .
          </p>
          <DevMailboxLink />
          <p>
            <Link to="/signin" className={linkClass}>
              Back to sign in
            </Link>
          </p>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout key="form" title="Reset your password">
      <form ref={form} onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Enter the email address you sign in with. We will send you a link to choose a new password.
        </p>
        {error && (
          <Notice tone="error" focusKey={error.n}>
            {error.text}
          </Notice>
        )}
        <EmailField
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={tried > 0 && invalid ? 'Enter a valid email address.' : null}
        />
        <Button type="submit" busy={busy}>
          {busy ? 'Sending…' : 'Send reset link'}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm">
        Remembered it?{' '}
        <Link to="/signin" className={linkClass}>
          Sign in
        </Link>
      </p>
    </AuthLayout>
  );
}
