import { MAX_PASSWORD } from '@/lib/password-rules';
import { Field } from './Field';
import { PasswordRules } from './PasswordRules';

/** A new password with its rules as you type, and the same again to catch a typo. */
export function NewPasswordFields({
  password,
  confirm,
  email,
  onPassword,
  onConfirm,
  passwordError,
  confirmError,
  rulesId,
}: {
  password: string;
  confirm: string;
  /** the account's address, which the password must not contain ('' when unknown) */
  email: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
  passwordError: string | null;
  confirmError: string | null;
  rulesId: string;
}) {
  return (
    <>
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={MAX_PASSWORD}
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        hint={<PasswordRules id={rulesId} password={password} email={email} />}
        error={passwordError}
      />
      <Field
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={MAX_PASSWORD}
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
        error={confirmError}
      />
    </>
  );
}
