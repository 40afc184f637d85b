import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { DevMailboxLink } from '@/components/ui/DevMailboxLink';
import { EmailField, Field } from '@/components/ui/Field';
import { OutcomeNotice, useOutcome } from '@/components/ui/Notice';
import { session } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import { useFocusFirstInvalid } from '@/lib/focus';
import { isWrongCurrentPassword } from '@/lib/password-rules';

const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+$/.test(s);

/**
 * The new address must prove itself: a link goes to it and the email
 * changes only when that link is followed (the old address gets a notice).
 * Re-authentication with the current password first (OWASP ASVS V2.1.6).
 */
export function ChangeEmail({ email }: { email: string }) {
  const [next, setNext] = useState('');
  const [current, setCurrent] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [currentError, setCurrentError] = useState<string | null>(null);
  const { outcome, show, clear } = useOutcome();
  const [sent, setSent] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, attempt);

  const tried = attempt > 0;
  const nextTrim = next.trim();
  const nextError = !tried
    ? null
    : !looksLikeEmail(nextTrim)
      ? 'Enter a valid email address.'
      : nextTrim.toLowerCase() === email.toLowerCase()
        ? 'That is already your email address.'
        : null;
  const shownCurrent = currentError ?? (tried && !current ? 'Enter your current password.' : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    clear();
    setCurrentError(null);
    setSent(false);
    if (!current || !looksLikeEmail(nextTrim) || nextTrim.toLowerCase() === email.toLowerCase()) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await session.changeEmail(current, nextTrim);
      setCurrent('');
      setNext('');
      setAttempt(0);
      setSent(true);
      show(
        'success',
        `We sent a link to ${nextTrim}. Your email changes when you follow it (within 24 hours); until then you sign in with ${email}.`,
      );
    } catch (err) {
      if (isWrongCurrentPassword(err)) {
        setCurrentError(describeError(err));
        setAttempt((n) => n + 1);
      } else show('error', describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card aria-labelledby="change-email">
      <h2 id="change-email" className="mb-1 text-base font-semibold">
        Change email
      </h2>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        You sign in with <strong className="break-all">{email}</strong>.
      </p>
      <form ref={form} onSubmit={submit} className="flex max-w-md flex-col gap-4" noValidate>
        <OutcomeNotice outcome={outcome} />
        {sent && <DevMailboxLink className="text-sm" />}
        <EmailField
          label="New email"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={nextError}
        />
        <Field
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => {
            setCurrent(e.target.value);
            setCurrentError(null);
          }}
          error={shownCurrent}
        />
        <Button type="submit" busy={busy} className="self-start">
          {busy ? 'Sending…' : 'Send confirmation link'}
        </Button>
      </form>
    </Card>
  );
}
