import { Link } from 'react-router';
import { useDevMailbox } from '@/lib/auth';

/** In `coach dev` (no SMTP) mail stays on this machine: link to where it can be read. */
export function DevMailboxLink({ className }: { className?: string }) {
  if (!useDevMailbox()) return null;
  return (
    <p className={className}>
      <Link to="/dev/mailbox" className="font-medium text-indigo-700 underline dark:text-indigo-300">
        Open the development mailbox
      </Link>{' '}
      <span className="text-slate-600 dark:text-slate-300">(mail sent by this development server)</span>
    </p>
  );
}
