import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { cn } from './cn';

const tones = {
  success:
    'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50',
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  info: 'border-indigo-200 bg-indigo-50 text-indigo-950 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-50',
};

/**
 * The outcome of a form: an error is an alert, anything else a status. It
 * takes focus when it appears or changes (`focusKey`), so keyboard and
 * screen-reader users land on what happened after submitting.
 */
export function Notice({
  tone,
  children,
  focusKey,
  className,
}: {
  tone: keyof typeof tones;
  children: ReactNode;
  /** when set, the notice takes focus, and again whenever this changes */
  focusKey?: unknown;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey !== undefined) ref.current?.focus();
  }, [focusKey]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn(
        'rounded-md border p-3 text-sm outline-none focus-visible:outline-2 focus-visible:outline-indigo-600',
        tones[tone],
        className,
      )}
    >
      {children}
    </div>
  );
}

export interface Outcome {
  tone: 'success' | 'error';
  text: string;
  /** counts outcomes, so the same text again takes focus again */
  n: number;
}

/** The latest outcome of a form, for <OutcomeNotice>. */
export function useOutcome() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const show = useCallback(
    (tone: Outcome['tone'], text: string) => setOutcome((p) => ({ tone, text, n: (p?.n ?? 0) + 1 })),
    [],
  );
  const clear = useCallback(() => setOutcome(null), []);
  return { outcome, show, clear };
}

/** The outcome as a focused notice (nothing before the first one). */
export function OutcomeNotice({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <Notice tone={outcome.tone} focusKey={outcome.n}>
      {outcome.text}
    </Notice>
  );
}
