import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/Button';
import { EmailField, Field } from '@/components/ui/Field';
import { session, useSession } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import { useProviders } from '../api/providers';
import { AuthLayout } from './AuthLayout';
import { FormError } from './FormError';
import { ProviderButtons } from './ProviderButtons';

/** Where to go after signing in: the page that sent the person here, if it is ours. */
export function safeRedirect(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/dashboard';
}

export function SignInPage() {
  const providers = useProviders();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const state = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(
    params.get('error') ?? (state.status === 'signedOut' ? (state.reason ?? null) : null),
  );
  const to = safeRedirect((location.state as { from?: string } | null)?.from);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await session.signIn(email.trim(), password);
      navigate(to, { replace: true });
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title="Sign in">
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <FormError message={error} />
        <EmailField value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p className="-mt-2 text-right text-sm">
          <Link
            to="/forgot-password"
            state={{ email: email.trim() }}
            className="font-medium text-indigo-700 underline dark:text-indigo-300"
          >
            Forgot password?
          </Link>
        </p>
        <Button type="submit" busy={busy} disabled={!email || !password}>
          {busy ? 'Signing in…' : error ? 'Try again' : 'Sign in'}
        </Button>
      </form>
      <ProviderButtons providers={providers} redirect={to} />
      <p className="mt-6 text-center text-sm">
        New to Career Coach?{' '}
        <Link to="/signup" className="font-medium text-indigo-700 underline dark:text-indigo-300">
          Create an account
        </Link>
      </p>
    </AuthLayout>
  );
}
