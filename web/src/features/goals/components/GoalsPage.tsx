import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { Field } from '@/components/ui/Field';
import { PageHeader } from '@/components/ui/PageHeader';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { PageSkeleton } from '@/components/ui/Skeleton';
import { EmptyState, ErrorState } from '@/components/ui/States';
import { useToast } from '@/components/ui/Toast';
import { describeError } from '@/lib/errors';
import { useHashTarget } from '@/lib/focus';
import type { GoalsQuery as GoalsResult } from '@/gql/graphql';
import {
  AchieveMilestoneMutation,
  checkGoalTitle,
  CreateGoalMutation,
  CreateMilestoneMutation,
  dateToDateTime,
  DeleteGoalMutation,
  GoalsQuery,
  RolesQuery,
} from '../api/goals';
import { formatDate } from '@/lib/dates';
import { MilestoneItem } from './MilestoneItem';

type Goal = NonNullable<GoalsResult['me']>['goals'][number];

function NewGoal({ onCreated, existing }: { onCreated: () => void; existing: readonly Goal[] }) {
  const [roles] = useQuery({ query: RolesQuery });
  const navigate = useNavigate();
  const [{ fetching }, create] = useMutation(CreateGoalMutation);
  const [title, setTitle] = useState('');
  const [roleId, setRoleId] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const bad = checkGoalTitle(title) ?? (roleId ? null : 'Choose the role you are aiming for.');
    if (bad) return setError(bad);
    setError(null);
    const res = await create({
      input: { title: title.trim(), targetRoleId: roleId, targetDate: dateToDateTime(date) },
    });
    if (res.error) return setError(describeError(res.error));
    setTitle('');
    setRoleId('');
    setDate('');
    // The API returns the open goal for the role instead of a duplicate: say so and show that goal.
    const had = existing.find((g) => g.id === res.data?.createGoal.id);
    if (had) {
      toast({ title: 'You already have a goal for this role', description: had.title });
      void navigate({ hash: `goal-${had.id}` });
    } else toast({ title: 'Goal created', variant: 'success' });
    onCreated();
  }

  return (
    <Card aria-labelledby="new-goal">
      <h2 id="new-goal" className="mb-3 text-base font-semibold">
        New goal
      </h2>
      <form onSubmit={submit} className="grid gap-4 md:grid-cols-3" noValidate>
        <Field label="Title" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
        <div className="flex flex-col gap-1">
          <label htmlFor="goal-role" className="text-sm font-medium">
            Target role
          </label>
          <select
            id="goal-role"
            value={roleId}
            onChange={(e) => setRoleId(e.target.value)}
            className="min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm dark:border-slate-500 dark:bg-slate-900"
          >
            <option value="">{roles.fetching ? 'Loading roles…' : 'Choose a role'}</option>
            {(roles.data?.roles ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Target date (optional)"
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        {(error || roles.error) && (
          <p role="alert" className="text-sm text-red-700 md:col-span-3 dark:text-red-300">
            {error ?? describeError(roles.error)}
          </p>
        )}
        <Button type="submit" className="self-start md:col-span-3 md:justify-self-start" busy={fetching}>
          {fetching ? 'Creating…' : 'Create goal'}
        </Button>
      </form>
    </Card>
  );
}

function GoalCard({ goal, onChanged }: { goal: Goal; onChanged: () => void }) {
  const [, achieve] = useMutation(AchieveMilestoneMutation);
  const [addState, addMilestone] = useMutation(CreateMilestoneMutation);
  const [delState, del] = useMutation(DeleteGoalMutation);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) return setError('Give the milestone a title.');
    setError(null);
    const res = await addMilestone({ input: { goalId: goal.id, title: title.trim(), dueDate: due || null } });
    if (res.error) return setError(describeError(res.error));
    setTitle('');
    setDue('');
    onChanged();
  }

  async function toggle(id: string, achieved: boolean) {
    const res = await achieve({ id, achieved });
    if (res.error)
      toast({
        title: 'The milestone was not updated',
        description: describeError(res.error),
        variant: 'error',
      });
    onChanged();
  }

  return (
    <Card aria-labelledby={`goal-${goal.id}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={`goal-${goal.id}`} className="text-lg font-semibold">
            {goal.title}
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Target role: {goal.targetRole.title} · {goal.status.toLowerCase()}
            {goal.targetDate ? ` · by ${formatDate(goal.targetDate)}` : ''}
          </p>
        </div>
        <ConfirmDialog
          trigger={<Button variant="ghost">Delete goal…</Button>}
          title={`Delete “${goal.title}”?`}
          description="The goal and its milestones are deleted. This cannot be undone."
          confirmLabel={delState.fetching ? 'Deleting…' : 'Delete goal'}
          busy={delState.fetching}
          onConfirm={async () => {
            const res = await del({ id: goal.id });
            if (res.error)
              toast({
                title: 'The goal was not deleted',
                description: describeError(res.error),
                variant: 'error',
              });
            onChanged();
          }}
        />
      </div>
      <div className="my-4">
        <ProgressBar
          label={`Progress of ${goal.title}`}
          value={goal.progressPercent}
          detail={`${goal.milestones.filter((m) => m.achieved).length} of ${goal.milestones.length} milestones achieved`}
          tone={goal.progressPercent === 100 ? 'done' : 'normal'}
        />
      </div>
      <h3 className="mb-2 font-medium">Milestones</h3>
      {goal.milestones.length === 0 ? (
        <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
          No milestones yet: add the first step below.
        </p>
      ) : (
        <ul className="mb-3 flex flex-col gap-2">
          {goal.milestones.map((m) => (
            <MilestoneItem key={m.id} m={m} onToggle={(a) => void toggle(m.id, a)} onChanged={onChanged} />
          ))}
        </ul>
      )}
      <form onSubmit={add} className="flex flex-wrap items-end gap-3" noValidate>
        <Field
          label="New milestone"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
        <Field label="Due (optional)" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        <Button type="submit" variant="secondary" busy={addState.fetching}>
          Add milestone
        </Button>
        {error && (
          <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
      </form>
      {goal.learningPath && goal.learningPath.steps.length > 0 && (
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer font-medium">
            Learning path ({goal.learningPath.steps.length} skills to grow)
          </summary>
          <ol className="mt-2 list-decimal pl-5">
            {goal.learningPath.steps.map((s) => (
              <li key={s.position}>
                {s.skill}: level {s.currentLevel} → {s.targetLevel}
              </li>
            ))}
          </ol>
        </details>
      )}
    </Card>
  );
}

export function GoalsPage() {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: GoalsQuery,
    requestPolicy: 'cache-and-network',
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const goals = data?.me?.goals ?? [];
  // The planner links to one goal (/goals#goal-<id>): take the reader to it once the goals are in.
  const location = useLocation();
  useHashTarget(location.hash, goals.length > 0, location.key);

  return (
    <>
      <PageHeader title="Career goals">
        <p>Set goals, break them into milestones and follow your progress.</p>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <NewGoal onCreated={reload} existing={goals} />
        {fetching && !data ? (
          <PageSkeleton label="Loading your goals" />
        ) : error && !data ? (
          <ErrorState message={describeError(error)} onRetry={reload} />
        ) : goals.length === 0 ? (
          <EmptyState title="No goals yet">
            Pick the role you are aiming for above. Your skill gap, learning path and course recommendations
            follow from it.
          </EmptyState>
        ) : (
          goals.map((g) => <GoalCard key={g.id} goal={g} onChanged={reload} />)
        )}
      </div>
    </>
  );
}
