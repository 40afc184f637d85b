import * as Label from '@radix-ui/react-label';
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { cn } from './cn';

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: ReactNode;
  error?: string | null;
}

/** A labelled input with an optional hint and error, wired for screen readers. */
export function Field({ label, hint, error, className, id, ...rest }: FieldProps) {
  const auto = useId();
  const inputId = id ?? auto;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errId = error ? `${inputId}-error` : undefined;
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <Label.Root htmlFor={inputId} className="text-sm font-medium">
        {label}
      </Label.Root>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errId].filter(Boolean).join(' ') || undefined}
        className={cn(
          'min-h-10 rounded-md border bg-white px-3 py-2 text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100',
          'focus:outline-2 focus:outline-offset-1 focus:outline-indigo-600',
          error ? 'border-red-600 dark:border-red-400' : 'border-slate-400 dark:border-slate-500',
        )}
        {...rest}
      />
      {hint && (
        <div id={hintId} className="text-xs text-slate-600 dark:text-slate-300">
          {hint}
        </div>
      )}
      {error && (
        <p id={errId} className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}

/** An email address field ("Email" unless labelled otherwise). */
export function EmailField({
  label = 'Email',
  ...rest
}: Omit<FieldProps, 'label' | 'type'> & { label?: string }) {
  return <Field label={label} type="email" autoComplete="email" required {...rest} />;
}
