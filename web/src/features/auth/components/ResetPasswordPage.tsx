import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { Notice } from '@/components/ui/Notice';
import { NewPasswordFields } from '@/components/ui/NewPasswordFields';
import { useToast } from '@/components/ui/Toast';
import { AuthError, session } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import { useFocusFirstInvalid } from '@/lib/focus';
import { isPasswordRuleError, passwordOK } from '@/lib/password-rules';

import { AuthLayout } from './AuthLayout';

const linkClass = 'font-medium text-indigo-700 underline dark:text-indigo-300';

/** From the emailed link: choose a new password, then go in signed in (other sessions end). */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const toast = useToast();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [serverPwError, setServerPwError] = useState<string | null>(null);
  // `expired`: the link itself was refused, so the way on is a new one.
  const [error, setError] = useState<{ text: string; n: number; expired: boolean } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, attempt);

  const pwError =
    serverPwError ??
    (attempt > 0 && !passwordOK(password, '') ? 'Choose a password that meets every rule.' : null);
  const confirmError = attempt > 0 && confirm !== password ? 'The two passwords differ.' : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setServerPwError(null);
    if (!passwordOK(password, '') || confirm !== password) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await session.resetPassword(token, password);
      toast({ title: 'Your password was changed', description: 'Other devices were signed out.' });
      navigate('/dashboard', { replace: true });
    } catch (err) {
      setBusy(false);
      if (isPasswordRuleError(err)) {
        setServerPwError(describeError(err));
        setAttempt((n) => n + 1);
      } else
        setError((prev) => ({
          text: describeError(err),
          n: (prev?.n ?? 0) + 1,
          expired: err instanceof AuthError && err.status === 400,
        }));
    }
  }

  if (!token) {
    return (
      <AuthLayout title="Choose a new password">
        <Notice tone="error">
          This page needs the link from your email. Open the link again, or{' '}
          <Link to="/forgot-password" className={linkClass}>
            ask for a new one
          </Link>
          .
        </Notice>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Choose a new password">
      <form ref={form} onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {error && (
          <Notice tone="error" focusKey={error.n}>
            {error.text}
            {error.expired && (
              <>
                {' '}
                <Link to="/forgot-password" className={linkClass}>
                  Ask for a new link
                </Link>
              </>
            )}
          </Notice>
        )}
        <NewPasswordFields
          password={password}
          confirm={confirm}
          email=""
          onPassword={(v) => {
            setPassword(v);
            setServerPwError(null);
          }}
          onConfirm={setConfirm}
          passwordError={pwError}
          confirmError={confirmError}
          rulesId="new-password-rules"
        />
        <Button type="submit" busy={busy}>
          {busy ? 'Saving…' : 'Save new password'}
        </Button>
      </form>
    </AuthLayout>
  );
}
