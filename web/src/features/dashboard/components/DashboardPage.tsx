import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ApiPending } from '@/components/ui/ApiPending';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { Skeleton } from '@/components/ui/Skeleton';
import { ErrorState } from '@/components/ui/States';
import { describeError } from '@/lib/errors';
import { capabilities } from '@/lib/services';
import { DashboardMeQuery, profileTodo } from '../api/dashboard';

const sections = [
  {
    id: 'progress',
    title: 'Progress and streak',
    what: 'Progress summary and weekly activity',
    cap: capabilities.progress,
  },
  { id: 'cv', title: 'Latest CV', what: 'CV score', cap: capabilities.cv },
  { id: 'milestones', title: 'Next milestones', what: 'Milestones', cap: capabilities.milestones },
  { id: 'courses', title: 'Top recommendations', what: 'Course recommendations', cap: capabilities.courses },
] as const;

export function DashboardPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: DashboardMeQuery });
  const me = data?.me;
  const todo = me ? profileTodo(me) : [];

  return (
    <>
      <PageHeader title="Dashboard">
        {me ? <p>Welcome back, {me.displayName}.</p> : <p>Your plan at a glance.</p>}
      </PageHeader>
      <div className="grid gap-4 md:grid-cols-2">
        <Card aria-labelledby="dash-profile">
          <h2 id="dash-profile" className="mb-3 text-base font-semibold">
            Your profile
          </h2>
          {fetching && !data ? (
            <div role="status" className="flex flex-col gap-2">
              <span className="sr-only">Loading your profile…</span>
              <Skeleton className="h-4 w-1/2" />
              <Skeleton className="h-4 w-2/3" />
            </div>
          ) : error && !data ? (
            <ErrorState
              message={describeError(error)}
              onRetry={() => refetch({ requestPolicy: 'network-only' })}
            />
          ) : me ? (
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
          ) : null}
        </Card>
        {sections.map((s) => (
          <Card key={s.id} aria-labelledby={`dash-${s.id}`}>
            <h2 id={`dash-${s.id}`} className="mb-3 text-base font-semibold">
              {s.title}
            </h2>
            <ApiPending capability={s.cap} what={s.what} />
          </Card>
        ))}
      </div>
    </>
  );
}
