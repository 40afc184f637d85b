import { Avatar } from '@/components/ui/Avatar';
import { Card } from '@/components/ui/Card';

export interface SummaryUser {
  displayName: string;
  headline?: string | null;
  location?: string | null;
  avatarUrl?: string | null;
}

/**
 * How others in the app see the person. It reads the cached user, so a save
 * shows here at once (optimistic update) and rolls back if the server refuses.
 */
export function ProfileSummary({ user }: { user: SummaryUser }) {
  return (
    <Card aria-label="Profile preview" className="flex items-center gap-4">
      <Avatar name={user.displayName} src={user.avatarUrl} className="h-16 w-16 text-xl" />
      <div className="min-w-0">
        <p className="truncate text-lg font-semibold" data-testid="summary-name">
          {user.displayName}
        </p>
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="summary-headline">
          {user.headline || 'No headline yet'}
        </p>
        {user.location && <p className="text-sm text-slate-700 dark:text-slate-300">{user.location}</p>}
      </div>
    </Card>
  );
}
