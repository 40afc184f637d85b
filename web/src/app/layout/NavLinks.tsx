import { NavLink } from 'react-router';
import { cn } from '@/components/ui/cn';
import { navItems } from '../nav';

export function NavLinks({ label, onNavigate }: { label: string; onNavigate?: () => void }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-col gap-1">
        {navItems.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              onClick={onNavigate}
              className={({ isActive }) =>
                cn(
                  'flex items-center justify-between rounded-md px-3 py-2 text-sm',
                  isActive
                    ? 'bg-indigo-100 font-medium text-indigo-900 dark:bg-indigo-900 dark:text-indigo-50'
                    : 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800',
                )
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
