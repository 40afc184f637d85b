import { useRef, type ReactNode } from 'react';
import { useHeadingFocus } from '@/lib/focus';

/** The page's one h1. It takes focus after a navigation (see src/lib/focus). */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useHeadingFocus(ref);
  return (
    <header className="mb-6 flex flex-col gap-1">
      <h1 ref={ref} tabIndex={-1} className="text-2xl font-semibold tracking-tight outline-none">
        {title}
      </h1>
      {children && <div className="text-slate-700 dark:text-slate-300">{children}</div>}
    </header>
  );
}
