import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { BarChart } from '@/components/ui/BarChart';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { Skeleton } from '@/components/ui/Skeleton';
import { EmptyState, ErrorState } from '@/components/ui/States';
import { describeError } from '@/lib/errors';
import {
  DashboardQuery,
  goalRoles,
  greeting,
  nextMilestones,
  profileTodo,
  weekLabel,
} from '../api/dashboard';
import { formatDate } from '@/lib/dates';
import { LatestCV } from './LatestCV';
import { RoleReadiness } from './ReadinessChart';

function Section({
  id,
  title,
  children,
  wide,
}: {
  id: string;
  title: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <Card aria-labelledby={`dash-${id}`} className={wide ? 'md:col-span-2' : undefined}>
      <h2 id={`dash-${id}`} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {children}
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="text-2xl font-semibold">{value}</dd>
    </div>
  );
}

const hours = (h: number) => (h >= 10 ? Math.round(h).toString() : h.toFixed(1).replace(/\.0$/, ''));

export function DashboardPage() {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DashboardQuery,
    requestPolicy: 'cache-and-network',
  });
  const me = data?.me;

  if (!data && fetching) {
    return (
      <>
        <PageHeader title="Dashboard">
          <p>Your plan at a glance.</p>
        </PageHeader>
        <div role="status" className="grid gap-4 md:grid-cols-2">
          <span className="sr-only">Loading your dashboard…</span>
          {[1, 2, 3, 4].map((i) => (
            <Skeleton key={i} className="h-40" />
          ))}
        </div>
      </>
    );
  }
  if (!me) {
    return (
      <>
        <PageHeader title="Dashboard" />
        <ErrorState
          message={error ? describeError(error) : 'Your dashboard could not be loaded.'}
          onRetry={() => refetch({ requestPolicy: 'network-only' })}
        />
      </>
    );
  }

  const p = me.progress;
  const todo = profileTodo(me);
  const upcoming = nextMilestones(me.goals);
  const hasCV = me.cvs.length > 0;
  const roles = goalRoles(me.goals);

  return (
    <>
      <PageHeader title="Dashboard">
        <p>{greeting(me)}</p>
      </PageHeader>
      {error && (
        <div className="mb-4">
          <ErrorState
            title="Part of your dashboard is missing"
            message={describeError(error)}
            onRetry={() => refetch({ requestPolicy: 'network-only' })}
          />
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Section id="progress" title="Progress and streak">
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
            <Stat
              label="Current streak"
              value={`${p.currentStreak} day${p.currentStreak === 1 ? '' : 's'}`}
            />
            <Stat
              label="Longest streak"
              value={`${p.longestStreak} day${p.longestStreak === 1 ? '' : 's'}`}
            />
            <Stat label="Hours reported this week" value={hours(p.hoursThisWeek)} />
            <Stat label="Hours reported in all" value={hours(p.hoursLearned)} />
            <Stat
              label="Courses completed"
              value={`${p.coursesCompleted} of ${p.coursesCompleted + p.coursesInProgress}`}
            />
            <Stat label="Milestones" value={`${p.milestonesAchieved} of ${p.milestonesTotal}`} />
          </dl>
          <p className="mt-3 text-xs text-slate-600 dark:text-slate-300">
            A streak counts days in a row (UTC) on which you did something here: started or reported a course
            step, achieved a milestone, rated a skill or took a quiz, or had a CV analysed. Hours are the ones
            you reported with your course steps.
          </p>
        </Section>
        <Section id="activity" title="Weekly activity">
          {p.weeklyActivity.some((w) => w.activities > 0) ? (
            <BarChart
              title="Active days per week, last 12 weeks"
              unit="days"
              data={p.weeklyActivity.map((w) => ({ label: weekLabel(w.weekStart), value: w.activeDays }))}
            />
          ) : (
            <EmptyState title="No activity in the last 12 weeks">
              Upload a CV, enrol in a course or achieve a milestone, and your weeks fill in here.
            </EmptyState>
          )}
        </Section>
        <Section id="readiness" title="Readiness over time" wide>
          {roles.length === 0 ? (
            <EmptyState
              title="No goal to measure readiness for"
              action={
                <Button asChild variant="secondary">
                  <Link to="/goals">Set a goal</Link>
                </Button>
              }
            >
              Readiness is the share of a role&apos;s required skill levels you cover; set a goal for a role
              to follow it here.
            </EmptyState>
          ) : (
            <div className="flex flex-col gap-6">
              {roles.map((r) => (
                <RoleReadiness key={r.id} role={r} />
              ))}
            </div>
          )}
        </Section>
        <Section id="cv" title="Latest CV">
          <LatestCV cvs={me.cvs} />
        </Section>
        <Section id="milestones" title="Next milestones">
          {upcoming.length === 0 ? (
            <EmptyState
              title={me.goals.length ? 'No open milestones' : 'No goals yet'}
              action={
                <Button asChild variant="secondary">
                  <Link to="/goals">{me.goals.length ? 'Plan milestones' : 'Set a goal'}</Link>
                </Button>
              }
            >
              Break your goal into milestones to see the next steps here.
            </EmptyState>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {upcoming.map((m) => (
                <li key={m.id} className="flex flex-wrap justify-between gap-2">
                  <span>
                    <span className="font-medium">{m.title}</span>{' '}
                    <span className="text-slate-600 dark:text-slate-300">({m.goal})</span>
                  </span>
                  <span
                    className={
                      m.overdue ? 'text-red-700 dark:text-red-300' : 'text-slate-700 dark:text-slate-300'
                    }
                  >
                    {m.dueDate
                      ? `${m.overdue ? 'overdue since' : 'due'} ${formatDate(m.dueDate)}`
                      : 'no date'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="courses" title="Top recommendations">
          {me.recommendedCourses.length === 0 ? (
            <EmptyState
              title="No recommendations yet"
              action={
                <Button asChild variant="secondary">
                  <Link to={hasCV ? '/goals' : '/cv'}>{hasCV ? 'Set a goal' : 'Upload your CV'}</Link>
                </Button>
              }
            >
              Recommendations come from the gap between your CV&apos;s skills and your goal&apos;s target
              role.
            </EmptyState>
          ) : (
            <ol className="flex flex-col gap-3 text-sm">
              {me.recommendedCourses.map((r) => (
                <li key={r.course.id}>
                  <a
                    href={r.course.url}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="font-medium text-indigo-700 underline dark:text-indigo-300"
                  >
                    {r.course.title}
                  </a>{' '}
                  <span className="text-slate-600 dark:text-slate-300">
                    · {r.course.provider}
                    {r.course.durationHours != null ? ` · ${hours(r.course.durationHours)} h` : ''}
                    {r.course.free ? ' · free' : ''}
                    {r.course.source && (
                      <>
                        {' · source: '}
                        <a
                          href={r.course.source.url}
                          target="_blank"
                          rel="noreferrer noopener"
                          className="underline"
                        >
                          {r.course.source.name}
                        </a>
                      </>
                    )}
                  </span>
                  <p className="text-slate-700 dark:text-slate-300">{r.reason}</p>
                </li>
              ))}
            </ol>
          )}
        </Section>
        <Section id="profile" title="Your profile">
          <div className="flex flex-col gap-3 text-sm">
            <p>
              <span className="font-medium">{me.displayName}</span>
              {me.headline && <> · {me.headline}</>}
              {me.location && <> · {me.location}</>}
            </p>
            {todo.length === 0 ? (
              <p>Your profile is complete.</p>
            ) : (
              <>
                <p>
                  {4 - todo.length} of 4 profile details filled in. Next: {todo.join(', ').toLowerCase()}.
                </p>
                <Button asChild variant="secondary" className="self-start">
                  <Link to="/profile">Complete your profile</Link>
                </Button>
              </>
            )}
          </div>
        </Section>
      </div>
    </>
  );
}
