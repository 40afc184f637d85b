import { useEffect, useRef, type ReactNode } from 'react';
import { useHeadingFocus } from '@/lib/focus';

export function AuthLayout({
  title,
  children,
  focusHeading = false,
  wide = false,
}: {
  title: string;
  children: ReactNode;
  /** take focus on mount (a new step of the same page, e.g. after submitting) */
  focusHeading?: boolean;
  wide?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useHeadingFocus(ref);
  useEffect(() => {
    if (focusHeading) ref.current?.focus();
  }, [focusHeading]);
  return (
    <div className="flex min-h-screen items-center justify-center bg-slate-50 px-4 py-10 dark:bg-slate-950">
      <main id="main" className={wide ? 'w-full max-w-3xl' : 'w-full max-w-md'}>
        <p className="mb-6 text-center text-lg font-semibold text-indigo-700 dark:text-indigo-300">
          Career Coach
        </p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900">
          <h1 ref={ref} tabIndex={-1} className="mb-6 text-2xl font-semibold outline-none">
            {title}
          </h1>
          {children}
        </div>
      </main>
    </div>
  );
}
