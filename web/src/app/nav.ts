import { capabilities } from '@/lib/services';
import type { Capability } from '@/lib/capabilities';

export interface NavItem {
  to: string;
  label: string;
  capability: Capability;
}

/** The app's pages, in menu order. */
export const navItems: NavItem[] = [
  { to: '/dashboard', label: 'Dashboard', capability: capabilities.profile },
  { to: '/cv', label: 'CV', capability: capabilities.cv },
  { to: '/courses', label: 'Courses', capability: capabilities.courses },
  { to: '/assessments', label: 'Skills assessment', capability: capabilities.assessments },
  { to: '/planner', label: 'Career planner', capability: capabilities.planner },
  { to: '/market', label: 'Job market', capability: capabilities.market },
  { to: '/interview', label: 'Interview prep', capability: capabilities.interview },
  { to: '/goals', label: 'Goals', capability: capabilities.goals },
  { to: '/profile', label: 'Profile', capability: capabilities.profile },
];
