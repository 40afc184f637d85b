import type { ReactNode } from 'react';
import { Button } from './Button';
import { cn } from './cn';

/** What to show when there is nothing yet, with what to do next. */
export function EmptyState({
  title,
  children,
  action,
  className,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn(
        'flex flex-col items-start gap-2 rounded-lg border border-dashed border-slate-300 p-5 dark:border-slate-600',
        className,
      )}
    >
      <p className="font-medium">{title}</p>
      {children && <div className="text-sm text-slate-700 dark:text-slate-300">{children}</div>}
      {action}
    </div>
  );
}

/** An error in words, with a way to try again. */
export function ErrorState({
  title = 'That did not work',
  message,
  onRetry,
  retryLabel = 'Try again',
}: {
  title?: string;
  message: string;
  onRetry?: () => void;
  retryLabel?: string;
}) {
  return (
    <div
      role="alert"
      className="flex flex-col items-start gap-3 rounded-lg border border-red-300 bg-red-50 p-5 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-medium">{title}</p>
      <p className="text-sm">{message}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {retryLabel}
        </Button>
      )}
    </div>
  );
}
