import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

export function Card({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return (
    <section
      className={cn(
        'rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900',
        className,
      )}
      {...rest}
    />
  );
}

export function CardTitle({ children, as: As = 'h2' }: { children: ReactNode; as?: 'h2' | 'h3' }) {
  return <As className="mb-3 text-base font-semibold">{children}</As>;
}
