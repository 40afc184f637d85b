import { Card } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/States';
import { formatDate } from '@/lib/dates';

const names: Record<string, string> = { microsoft: 'Microsoft', google: 'Google' };

export interface Identity {
  provider: string;
  email: string;
  linkedAt: string;
}

export function LinkedAccounts({ identities }: { identities: Identity[] }) {
  return (
    <Card aria-labelledby="linked-accounts">
      <h2 id="linked-accounts" className="mb-3 text-base font-semibold">
        Linked accounts
      </h2>
      {identities.length === 0 ? (
        <EmptyState title="No Microsoft or Google account is linked">
          You sign in with your email and password. When your administrator turns on Microsoft or Google
          sign-in, continuing with an account of the same email links it here.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-700">
          {identities.map((i) => (
            <li key={`${i.provider}:${i.email}`} className="flex flex-wrap justify-between gap-2 py-3">
              <span className="font-medium">{names[i.provider] ?? i.provider}</span>
              <span className="text-sm text-slate-700 dark:text-slate-300">
                {i.email} · linked {formatDate(i.linkedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
