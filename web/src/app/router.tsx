import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppShell } from './layout/AppShell';
import { OpenToAll, PublicOnly, RequireAuth } from './layout/guards';
import { NotFound, RouteError } from './layout/RouteError';

// Pages load on demand; each route names its title (document.title and the
// announcement after navigation come from it).
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const SignInPage = page(() => import('@/features/auth/components/SignInPage'), 'SignInPage');
const SignUpPage = page(() => import('@/features/auth/components/SignUpPage'), 'SignUpPage');
const ForgotPasswordPage = page(
  () => import('@/features/auth/components/ForgotPasswordPage'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = page(
  () => import('@/features/auth/components/ResetPasswordPage'),
  'ResetPasswordPage',
);
const VerifyEmailPage = page(() => import('@/features/auth/components/VerifyEmailPage'), 'VerifyEmailPage');
const DevMailboxPage = page(() => import('@/features/auth/components/DevMailboxPage'), 'DevMailboxPage');
const DashboardPage = page(() => import('@/features/dashboard/components/DashboardPage'), 'DashboardPage');
const ProfilePage = page(() => import('@/features/profile/components/ProfilePage'), 'ProfilePage');
const CVPage = page(() => import('@/features/cv/components/CVPage'), 'CVPage');
const CoursesPage = page(() => import('@/features/courses/components/CoursesPage'), 'CoursesPage');
const AssessmentsPage = page(
  () => import('@/features/assessments/components/AssessmentsPage'),
  'AssessmentsPage',
);
const PlannerPage = page(() => import('@/features/planner/components/PlannerPage'), 'PlannerPage');
const MarketPage = page(() => import('@/features/market/components/MarketPage'), 'MarketPage');
const JobMatchPage = page(() => import('@/features/jobmatch/components/JobMatchPage'), 'JobMatchPage');
const InterviewPage = page(() => import('@/features/interview/components/InterviewPage'), 'InterviewPage');
const GoalsPage = page(() => import('@/features/goals/components/GoalsPage'), 'GoalsPage');

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicOnly />,
        children: [
          { path: '/signin', element: <SignInPage />, handle: { title: 'Sign in' } },
          { path: '/signup', element: <SignUpPage />, handle: { title: 'Create your account' } },
          {
            path: '/forgot-password',
            element: <ForgotPasswordPage />,
            handle: { title: 'Reset your password' },
          },
        ],
      },
      {
        element: <OpenToAll />,
        children: [
          {
            path: '/reset-password',
            element: <ResetPasswordPage />,
            handle: { title: 'Choose a new password' },
          },
          {
            path: '/verify-email',
            element: <VerifyEmailPage />,
            handle: { title: 'Verify your email address' },
          },
          { path: '/dev/mailbox', element: <DevMailboxPage />, handle: { title: 'Development mailbox' } },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppShell />,
            children: [
              { path: '/', element: <Navigate to="/dashboard" replace /> },
              { path: '/dashboard', element: <DashboardPage />, handle: { title: 'Dashboard' } },
              { path: '/cv', element: <CVPage />, handle: { title: 'CV' } },
              { path: '/courses', element: <CoursesPage />, handle: { title: 'Courses' } },
              { path: '/assessments', element: <AssessmentsPage />, handle: { title: 'Skills assessment' } },
              { path: '/planner', element: <PlannerPage />, handle: { title: 'Career path planner' } },
              { path: '/market', element: <MarketPage />, handle: { title: 'Job market insights' } },
              { path: '/interview', element: <InterviewPage />, handle: { title: 'Interview prep' } },
              { path: '/job-match', element: <JobMatchPage />, handle: { title: 'Job match' } },
              { path: '/goals', element: <GoalsPage />, handle: { title: 'Career goals' } },
              { path: '/profile', element: <ProfilePage />, handle: { title: 'Profile' } },
              { path: '*', element: <NotFound />, handle: { title: 'Page not found' } },
            ],
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
