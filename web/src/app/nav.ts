export interface NavItem {
  to: string;
  label: string;
}

/** The app's pages, in menu order. */
export const navItems: NavItem[] = [
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/cv', label: 'CV' },
  { to: '/courses', label: 'Courses' },
  { to: '/assessments', label: 'Skills assessment' },
  { to: '/planner', label: 'Career planner' },
  { to: '/market', label: 'Job market' },
  { to: '/job-match', label: 'Job match' },
  { to: '/interview', label: 'Interview prep' },
  { to: '/goals', label: 'Goals' },
  { to: '/profile', label: 'Profile' },
];
