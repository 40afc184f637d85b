import * as DM from '@radix-ui/react-dropdown-menu';
import { useNavigate } from 'react-router';
import { Avatar } from '@/components/ui/Avatar';
import { useToast } from '@/components/ui/Toast';
import { session, useSession } from '@/lib/auth';
import { describeError } from '@/lib/errors';

const item =
  'flex cursor-default rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800';

export function UserMenu() {
  const state = useSession();
  const navigate = useNavigate();
  const toast = useToast();
  if (state.status !== 'signedIn') return null;
  const { user } = state;

  async function signOut() {
    try {
      await session.signOut();
    } catch (err) {
      // The session is forgotten here either way; the server copy expires by itself.
      toast({ title: 'Signed out on this device', description: describeError(err) });
    }
    navigate('/signin', { replace: true });
  }

  return (
    <DM.Root>
      <DM.Trigger className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
        <span className="sr-only">Account menu for </span>
        <Avatar name={user.displayName} className="h-8 w-8 text-xs" />
        <span className="sr-only max-w-40 truncate md:not-sr-only">{user.displayName}</span>
      </DM.Trigger>
      <DM.Portal>
        <DM.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-48 rounded-md border border-slate-200 bg-white p-1 text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          <DM.Label className="truncate px-3 py-1 text-xs text-slate-600 dark:text-slate-300">
            {user.email}
          </DM.Label>
          <DM.Item className={item} onSelect={() => navigate('/profile')}>
            Profile
          </DM.Item>
          <DM.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
          <DM.Item className={item} onSelect={() => void signOut()}>
            Sign out
          </DM.Item>
        </DM.Content>
      </DM.Portal>
    </DM.Root>
  );
}
