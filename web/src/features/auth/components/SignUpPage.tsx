import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '@/components/ui/Button';
import { EmailField, Field } from '@/components/ui/Field';
import { session } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import { passwordOK } from '@/lib/password-rules';
import { useProviders } from '../api/providers';
import { AuthLayout } from './AuthLayout';
import { CheckInbox } from './CheckInbox';
import { FormError } from './FormError';
import { PasswordRules } from '@/components/ui/PasswordRules';
import { ProviderButtons } from './ProviderButtons';

export function SignUpPage() {
  const providers = useProviders();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const pwOK = passwordOK(password, email);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setError(null);
    if (!name.trim() || !email.trim() || !pwOK) return;
    setBusy(true);
    try {
      const r = await session.signUp(email.trim(), password, name.trim());
      if (r === 'signedIn') navigate('/dashboard', { replace: true });
      else setSentTo(email.trim());
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  if (sentTo) {
    return (
      <AuthLayout key="sent" title="Check your inbox" focusHeading>
        <CheckInbox email={sentTo} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout key="form" title="Create your account">
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <FormError message={error} />
        <Field
          label="Your name"
          autoComplete="name"
          required
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={tried && !name.trim() ? 'Enter your name.' : null}
        />
        <EmailField
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={tried && !email.includes('@') ? 'Enter a valid email address.' : null}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          maxLength={128}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={<PasswordRules id="password-rules" password={password} email={email} />}
          error={tried && !pwOK ? 'Choose a password that meets every rule.' : null}
        />
        <Button type="submit" busy={busy}>
          {busy ? 'Creating your account…' : error ? 'Try again' : 'Create account'}
        </Button>
      </form>
      <ProviderButtons providers={providers} redirect="/dashboard" />
      <p className="mt-6 text-center text-sm">
        Already have an account?{' '}
        <Link to="/signin" className="font-medium text-indigo-700 underline dark:text-indigo-300">
          Sign in
        </Link>
      </p>
    </AuthLayout>
  );
}
