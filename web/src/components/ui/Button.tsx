import { Slot } from '@radix-ui/react-slot';
import type { ButtonHTMLAttributes } from 'react';
import { cn } from './cn';

const variants = {
  primary:
    'bg-indigo-700 text-white hover:bg-indigo-800 disabled:bg-indigo-400 dark:bg-indigo-300 dark:text-slate-950 dark:hover:bg-indigo-200 dark:disabled:bg-indigo-800 dark:disabled:text-slate-300',
  secondary:
    'border border-slate-300 bg-white text-slate-900 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-red-400 dark:bg-red-600 dark:hover:bg-red-500',
  ghost: 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof variants;
  /** Render the child element (e.g. a link) with button styles. */
  asChild?: boolean;
  busy?: boolean;
}

export function Button({
  variant = 'primary',
  asChild,
  busy,
  className,
  children,
  disabled,
  ...rest
}: ButtonProps) {
  const Comp = asChild ? Slot : 'button';
  return (
    <Comp
      className={cn(
        'inline-flex min-h-10 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed',
        variants[variant],
        className,
      )}
      disabled={asChild ? undefined : disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {children}
    </Comp>
  );
}
