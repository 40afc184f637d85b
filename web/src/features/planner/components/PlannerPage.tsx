import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { DataAttribution } from '@/components/ui/DataAttribution';
import { PageHeader } from '@/components/ui/PageHeader';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { SearchOrBrowse } from '@/components/ui/SearchOrBrowse';
import { PageSkeleton, Skeleton } from '@/components/ui/Skeleton';
import { EmptyState, ErrorState } from '@/components/ui/States';
import { useToast } from '@/components/ui/Toast';
import { describeError } from '@/lib/errors';
import type { PlannerRoleQuery as PlannerRoleResult, RoleCategory } from '@/gql/graphql';
import {
  CareerPathQuery,
  gapRows,
  goalHref,
  openGoalFor,
  PlannerCategoriesQuery,
  PlannerCategoryRolesQuery,
  PlannerCreateGoalMutation,
  PlannerGoalsQuery,
  PlannerRoleQuery,
  PlannerSearchRolesQuery,
  SkillGapQuery,
  skillSourceLabel,
} from '../api/planner';
import { GapChart } from './GapChart';

/** Find a role by title or alternate title, or browse a category's roles. */
function RoleFinder({ label, onPick }: { label: string; onPick: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<RoleCategory | ''>('');
  const q = query.trim();
  const [search] = useQuery({
    query: PlannerSearchRolesQuery,
    variables: { query: q },
    pause: q.length < 2,
  });
  const [cats] = useQuery({ query: PlannerCategoriesQuery });
  const [inCategory] = useQuery({
    query: PlannerCategoryRolesQuery,
    variables: { category: category as RoleCategory },
    pause: !category,
  });
  const hits = q.length < 2 ? [] : (search.data?.searchRoles.hits ?? []);
  return (
    <SearchOrBrowse
      label={label}
      noun="role"
      hint="Any job title, e.g. nurse, electrician, RN"
      query={query}
      onQueryChange={setQuery}
      hits={hits.map((h) => ({
        id: h.role.id,
        label: h.role.title,
        detail: h.matchedTitle !== h.role.title ? `also called ${h.matchedTitle}` : undefined,
      }))}
      total={search.data?.searchRoles.totalCount ?? 0}
      searching={search.fetching}
      groups={(cats.data?.roleCategories ?? []).map((c) => ({
        id: c.category,
        label: `${c.title} (${c.roleCount})`,
      }))}
      group={category}
      onGroupChange={(id) => setCategory(id as RoleCategory | '')}
      groupItems={(inCategory.data?.roles ?? []).map((r) => ({ id: r.id, label: r.title }))}
      loadingGroupItems={inCategory.fetching}
      onPick={onPick}
    />
  );
}

/** The chosen role's name, or a prompt; with a button to clear it. */
function Chosen({ what, title, onClear }: { what: string; title?: string; onClear: () => void }) {
  return (
    <p className="text-sm" aria-live="polite">
      {title ? (
        <>
          {what}: <strong>{title}</strong>{' '}
          <button type="button" onClick={onClear} className="ml-2 underline">
            Clear<span className="sr-only"> the {what.toLowerCase()}</span>
          </button>
        </>
      ) : (
        `No ${what.toLowerCase()} chosen yet.`
      )}
    </p>
  );
}

type PlannerRole = NonNullable<PlannerRoleResult['role']>;

/** What the role asks for, each skill with where the requirement comes from. */
function Requirements({ role }: { role: PlannerRole }) {
  return (
    <div className="flex flex-col gap-2">
      {role.preparation && <p className="text-sm">Preparation (O*NET job zone): {role.preparation}.</p>}
      <ul className="grid gap-1 text-sm sm:grid-cols-2">
        {role.requiredSkills.map((s) => (
          <li key={s.name}>
            <span className="font-medium">{s.name}</span>: level {s.level}{' '}
            <span className="text-slate-700 dark:text-slate-300" title={s.basis}>
              ({skillSourceLabel(s.source)})
            </span>
          </li>
        ))}
      </ul>
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
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('category');
    setParams(next);
  };
  const [fromRole] = useQuery({ query: PlannerRoleQuery, variables: { id: from }, pause: !from });
  const [toRole, refetchTo] = useQuery({ query: PlannerRoleQuery, variables: { id: to }, pause: !to });
  const target = toRole.data?.role;
  const current = fromRole.data?.role;

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
          <div className="flex flex-col gap-6">
            <section aria-label="Target role" className="flex flex-col gap-2">
              <RoleFinder label="Find your target role" onPick={(id) => set('to', id)} />
              <Chosen what="Target role" title={target?.title} onClear={() => set('to', '')} />
            </section>
            <section aria-label="Current role" className="flex flex-col gap-2">
              <RoleFinder label="Find your current role" onPick={(id) => set('from', id)} />
              <Chosen what="Current role" title={current?.title} onClear={() => set('from', '')} />
            </section>
          </div>
        </Card>
        {!to ? (
          <EmptyState title="No target role yet">
            Pick the role you are aiming for above to see your readiness, the skills you are missing and the
            path to it.
          </EmptyState>
        ) : toRole.fetching && !toRole.data ? (
          <PageSkeleton label="Loading the role" />
        ) : toRole.error && !toRole.data ? (
          <ErrorState
            message={describeError(toRole.error)}
            onRetry={() => refetchTo({ requestPolicy: 'network-only' })}
          />
        ) : !target ? (
          <EmptyState title="This role is not in the catalogue">Choose another target role above.</EmptyState>
        ) : (
          <>
            <Card aria-labelledby="req-heading">
              <h2 id="req-heading" className="mb-3 text-base font-semibold">
                What {target.title} requires
              </h2>
              <Requirements role={target} />
            </Card>
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
      <DataAttribution />
    </>
  );
}
