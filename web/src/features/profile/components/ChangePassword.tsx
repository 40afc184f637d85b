import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { OutcomeNotice, useOutcome } from '@/components/ui/Notice';
import { NewPasswordFields } from '@/components/ui/NewPasswordFields';
import { session } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import { useFocusFirstInvalid } from '@/lib/focus';
import { isPasswordRuleError, isWrongCurrentPassword, passwordOK } from '@/lib/password-rules';

/**
 * Re-authentication with the current password (OWASP ASVS V2.1.6); the
 * server ends every other session and this tab keeps a new one.
 */
export function ChangePassword({ email }: { email: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [currentError, setCurrentError] = useState<string | null>(null);
  const [nextError, setNextError] = useState<string | null>(null);
  const { outcome, show, clear } = useOutcome();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, attempt);

  const tried = attempt > 0;
  const shownCurrent = currentError ?? (tried && !current ? 'Enter your current password.' : null);
  const shownNext =
    nextError ?? (tried && !passwordOK(next, email) ? 'Choose a password that meets every rule.' : null);
  const shownConfirm = tried && confirm !== next ? 'The two new passwords differ.' : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    clear();
    setCurrentError(null);
    setNextError(null);
    if (!current || !passwordOK(next, email) || confirm !== next) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await session.changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setAttempt(0);
      show('success', 'Your password was changed. Every other device was signed out.');
    } catch (err) {
      const msg = describeError(err);
      if (isWrongCurrentPassword(err)) setCurrentError(msg);
      else if (isPasswordRuleError(err)) setNextError(msg);
      else {
        show('error', msg);
        return;
      }
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card aria-labelledby="change-password">
      <h2 id="change-password" className="mb-3 text-base font-semibold">
        Change password
      </h2>
      <form ref={form} onSubmit={submit} className="flex max-w-md flex-col gap-4" noValidate>
        <OutcomeNotice outcome={outcome} />
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
        <NewPasswordFields
          password={next}
          confirm={confirm}
          email={email}
          onPassword={(v) => {
            setNext(v);
            setNextError(null);
          }}
          onConfirm={setConfirm}
          passwordError={shownNext}
          confirmError={shownConfirm}
          rulesId="change-password-rules"
        />
        <Button type="submit" busy={busy} className="self-start">
          {busy ? 'Changing…' : 'Change password'}
        </Button>
      </form>
    </Card>
  );
}
