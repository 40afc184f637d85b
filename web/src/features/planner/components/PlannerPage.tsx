import { useId, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { PageSkeleton, Skeleton } from '@/components/ui/Skeleton';
import { EmptyState, ErrorState } from '@/components/ui/States';
import { useToast } from '@/components/ui/Toast';
import { describeError } from '@/lib/errors';
import {
  CareerPathQuery,
  categoryLabel,
  gapRows,
  goalHref,
  openGoalFor,
  PlannerCreateGoalMutation,
  PlannerGoalsQuery,
  PlannerRolesQuery,
  roleCategories,
  SkillGapQuery,
  type RoleCategory,
} from '../api/planner';
import { GapChart } from './GapChart';

const selectClass =
  'min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm dark:border-slate-500 dark:bg-slate-900';

function Select({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={selectClass}>
        {children}
      </select>
    </div>
  );
}

function Path({ from, to }: { from: string; to: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CareerPathQuery, variables: { from, to } });
  if (fetching && !data)
    return (
      <div role="status" className="flex flex-col gap-2">
        <span className="sr-only">Loading the career path…</span>
        <Skeleton className="h-6 w-1/2" />
        <Skeleton className="h-20" />
      </div>
    );
  if (error && !data)
    return (
      <ErrorState message={describeError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  const path = data?.careerPath;
  if (!path)
    return (
      <EmptyState title="No known path between these roles">
        Nobody in our catalogue moves directly along this route. Try an intermediate role as your target, or
        pick a different current role.
      </EmptyState>
    );
  if (path.steps.length === 0)
    return <p className="text-sm">You are already in this role: choose a different target.</p>;
  return (
    <>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        {path.steps.length} {path.steps.length === 1 ? 'step' : 'steps'}, {path.totalLevelsToGain} skill
        levels to gain in all.
      </p>
      <ol className="flex flex-col gap-4">
        {path.steps.map((s, i) => (
          <li
            key={`${s.from.id}-${s.to.id}`}
            className="rounded-md border border-slate-200 p-4 dark:border-slate-700"
          >
            <h3 className="font-medium">
              Step {i + 1}: {s.from.title} <span aria-hidden="true">→</span>
              <span className="sr-only">to</span> {s.to.title}
            </h3>
            {s.skillsToGain.length === 0 ? (
              <p className="text-sm">No new skills: this step is about experience.</p>
            ) : (
              <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
                {s.skillsToGain.map((k) => (
                  <li key={k.name}>
                    <span className="font-medium">{k.name}</span>:{' '}
                    {k.fromLevel === 0 ? `new, to level ${k.toLevel}` : `level ${k.fromLevel} → ${k.toLevel}`}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

function Gap({ roleId, roleTitle }: { roleId: string; roleTitle: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SkillGapQuery,
    variables: { role: roleId },
  });
  const [goals] = useQuery({ query: PlannerGoalsQuery, requestPolicy: 'cache-and-network' });
  const [goalState, createGoal] = useMutation(PlannerCreateGoalMutation);
  const navigate = useNavigate();
  const toast = useToast();
  const existing = openGoalFor(goals.data?.me?.goals ?? [], roleId);
  if (fetching && !data) return <PageSkeleton label="Loading your skill gap" />;
  if (error && !data)
    return (
      <ErrorState message={describeError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  const gap = data?.me?.skillGap;
  if (!gap) return null;
  const rows = gapRows(gap);
  const noSkills = gap.matched.length === 0 && gap.underLevel.length === 0;

  async function goal() {
    const res = await createGoal({ input: { title: `Become a ${roleTitle}`, targetRoleId: roleId } });
    if (res.error)
      return toast({
        title: 'The goal was not created',
        description: describeError(res.error),
        variant: 'error',
      });
    const id = res.data?.createGoal.id;
    if (!id) return;
    toast({ title: 'Your goal', description: `Become a ${roleTitle}`, variant: 'success' });
    void navigate(goalHref(id));
  }

  return (
    <div className="flex flex-col gap-4">
      <ProgressBar
        label={`Readiness for ${roleTitle}`}
        value={gap.readinessPercent}
        detail={`${gap.readinessPercent}% of the required skill levels covered`}
        tone={gap.readinessPercent === 100 ? 'done' : 'normal'}
      />
      {noSkills && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          We do not know your skills yet.{' '}
          <Link to="/cv" className="underline">
            Upload your CV
          </Link>{' '}
          so the gap reflects them.
        </p>
      )}
      <GapChart title={`Your level and the level ${roleTitle} needs, per skill (0–5)`} rows={rows} />
      <div className="grid gap-4 sm:grid-cols-3">
        {(
          [
            ['Matched', gap.matched],
            ['Below the required level', gap.underLevel],
            ['Missing', gap.missing],
          ] as const
        ).map(([title, items]) => (
          <section key={title} aria-label={`${title} skills`}>
            <h3 className="mb-1 text-sm font-semibold">
              {title} ({items.length})
            </h3>
            {items.length === 0 ? (
              <p className="text-sm text-slate-700 dark:text-slate-300">None.</p>
            ) : (
              <ul className="text-sm">
                {items.map((k) => (
                  <li key={k.name}>
                    {k.name}: level {k.level}, needs {k.requiredLevel}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {existing ? (
          <Button asChild>
            <Link to={goalHref(existing.id)}>Open my goal</Link>
          </Button>
        ) : (
          <Button
            onClick={() => void goal()}
            busy={goalState.fetching}
            disabled={goals.fetching && !goals.data}
          >
            {goalState.fetching ? 'Creating…' : `Make ${roleTitle} my goal`}
          </Button>
        )}
      </div>
    </div>
  );
}

export function PlannerPage() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const category = (params.get('category') ?? '') as RoleCategory | '';
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  const [all, refetchAll] = useQuery({ query: PlannerRolesQuery, variables: {} });
  const [targets] = useQuery({
    query: PlannerRolesQuery,
    variables: { category: category || null },
    pause: !category,
  });
  const allRoles = all.data?.roles ?? [];
  const targetRoles = category ? (targets.data?.roles ?? []) : allRoles;
  const target = allRoles.find((r) => r.id === to);

  return (
    <>
      <PageHeader title="Career path planner">
        <p>Pick the role you want: see the steps from your current role and the skills you still need.</p>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="choose-heading">
          <h2 id="choose-heading" className="mb-3 text-base font-semibold">
            Choose roles
          </h2>
          {all.error && !all.data ? (
            <ErrorState
              message={describeError(all.error)}
              onRetry={() => refetchAll({ requestPolicy: 'network-only' })}
            />
          ) : (
            <div className="grid gap-4 md:grid-cols-3">
              <Select label="Current role" value={from} onChange={(v) => set('from', v)}>
                <option value="">{all.fetching ? 'Loading roles…' : 'Choose your current role'}</option>
                {allRoles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title}
                  </option>
                ))}
              </Select>
              <Select label="Target role category" value={category} onChange={(v) => set('category', v)}>
                <option value="">All categories</option>
                {roleCategories.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabel(c)}
                  </option>
                ))}
              </Select>
              <Select label="Target role" value={to} onChange={(v) => set('to', v)}>
                <option value="">{targets.fetching ? 'Loading roles…' : 'Choose a target role'}</option>
                {target && !targetRoles.some((r) => r.id === to) && (
                  <option value={target.id}>{target.title}</option>
                )}
                {targetRoles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title}
                  </option>
                ))}
              </Select>
            </div>
          )}
        </Card>
        {!to || !target ? (
          <EmptyState title="No target role yet">
            Pick the role you are aiming for above to see your readiness, the skills you are missing and the
            path to it.
          </EmptyState>
        ) : (
          <>
            <Card aria-labelledby="gap-heading">
              <h2 id="gap-heading" className="mb-3 text-base font-semibold">
                Your skill gap for {target.title}
              </h2>
              <Gap roleId={to} roleTitle={target.title} />
            </Card>
            <Card aria-labelledby="path-heading">
              <h2 id="path-heading" className="mb-3 text-base font-semibold">
                Career path
              </h2>
              {from ? (
                <Path from={from} to={to} />
              ) : (
                <p className="text-sm">Choose your current role above to see the steps to {target.title}.</p>
              )}
            </Card>
          </>
        )}
      </div>
    </>
  );
}
