import { Button } from '@/components/ui/Button';
import type { Provider } from '@/lib/auth';

/** "Continue with …" links, only for providers the server has configured. */
export function ProviderButtons({ providers, redirect }: { providers: Provider[]; redirect: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 flex flex-col gap-3">
      <p className="text-center text-sm text-slate-600 dark:text-slate-300">or</p>
      {providers.map((p) => (
        <Button key={p.id} variant="secondary" asChild>
          <a href={`${p.startUrl}?redirect=${encodeURIComponent(redirect)}`}>Continue with {p.name}</a>
        </Button>
      ))}
    </div>
  );
}
