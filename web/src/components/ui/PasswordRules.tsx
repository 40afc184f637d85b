import { passwordRules } from '@/lib/password-rules';

/** The password rules with whether each is met, readable by screen readers. */
export function PasswordRules({ password, email, id }: { password: string; email: string; id: string }) {
  return (
    <ul id={id} className="mt-1 flex flex-col gap-0.5 text-xs">
      {passwordRules(password, email).map((r) => (
        <li
          key={r.id}
          className={r.ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-slate-600 dark:text-slate-300'}
        >
          <span aria-hidden="true">{r.ok ? '✓' : '○'} </span>
          {r.label}
          <span className="sr-only">{r.ok ? ' (met)' : ' (not met yet)'}</span>
        </li>
      ))}
      <li className="text-slate-600 dark:text-slate-300">
        <span aria-hidden="true">○ </span>Not a well-known password (checked when you submit)
      </li>
    </ul>
  );
}
