import * as T from '@radix-ui/react-toast';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { cn } from './cn';

export interface ToastInput {
  title: string;
  description?: string;
  variant?: 'success' | 'error' | 'info';
}
interface Item extends ToastInput {
  id: number;
}

const Ctx = createContext<((t: ToastInput) => void) | null>(null);

/** Shows short notices (saved, failed, ...) announced to screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Item[]>([]);
  const push = useCallback((t: ToastInput) => {
    setItems((xs) => [...xs.slice(-2), { ...t, id: Date.now() + Math.random() }]);
  }, []);
  const value = useMemo(() => push, [push]);
  return (
    <Ctx.Provider value={value}>
      <T.Provider swipeDirection="right" duration={5000}>
        {children}
        {items.map((t) => (
          <T.Root
            key={t.id}
            type={t.variant === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => {
              if (!open) setItems((xs) => xs.filter((x) => x.id !== t.id));
            }}
            className={cn(
              'grid grid-cols-[1fr_auto] items-start gap-2 rounded-lg border p-4 shadow-lg',
              t.variant === 'error'
                ? 'border-red-300 bg-red-50 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-50'
                : 'border-slate-200 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-50',
            )}
          >
            <div>
              <T.Title className="text-sm font-semibold">{t.title}</T.Title>
              {t.description && <T.Description className="mt-1 text-sm">{t.description}</T.Description>}
            </div>
            <T.Close
              aria-label="Dismiss notification"
              className="rounded px-2 text-lg leading-none hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              ×
            </T.Close>
          </T.Root>
        ))}
        <T.Viewport className="fixed right-0 bottom-0 z-50 flex w-full max-w-sm flex-col gap-2 p-4 outline-none" />
      </T.Provider>
    </Ctx.Provider>
  );
}

export function useToast(): (t: ToastInput) => void {
  const push = useContext(Ctx);
  if (!push) throw new Error('useToast outside ToastProvider');
  return push;
}
