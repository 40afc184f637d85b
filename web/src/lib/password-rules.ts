import { AuthError } from './auth';

// The users service's password rules (subgraphs/users/password.go), checked
// as the person types so the form can say what is missing before sending.
// The server stays the judge: it also rejects well-known passwords.

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 128;

export interface Rule {
  id: string;
  label: string;
  ok: boolean;
}

export function passwordRules(password: string, email: string): Rule[] {
  const chars = [...password];
  const local = email.toLowerCase().split('@')[0] ?? '';
  return [
    { id: 'min', label: `At least ${MIN_PASSWORD} characters`, ok: chars.length >= MIN_PASSWORD },
    { id: 'max', label: `At most ${MAX_PASSWORD} characters`, ok: chars.length <= MAX_PASSWORD },
    {
      id: 'repeat',
      label: 'Not one character repeated',
      ok: chars.length > 0 && new Set(chars).size > 1,
    },
    {
      id: 'email',
      label: 'Does not contain your email address',
      ok: !(email.includes('@') && local.length >= 4 && password.toLowerCase().includes(local)),
    },
  ];
}

export function passwordOK(password: string, email: string): boolean {
  return passwordRules(password, email).every((r) => r.ok);
}

/** The server refused the current password given to re-authenticate ("the current password is wrong"). */
export function isWrongCurrentPassword(err: unknown): boolean {
  return err instanceof AuthError && err.status === 401 && /password/i.test(err.message);
}

/**
 * Whether the server refused a new password itself (too short, too common,
 * …) rather than the request: such errors belong beside the password field.
 */
export function isPasswordRuleError(err: unknown): boolean {
  // subgraphs/users/password.go: "password must …", "this password is too common …".
  return (
    err instanceof AuthError && err.status === 400 && /^(password must|this password)/i.test(err.message)
  );
}
