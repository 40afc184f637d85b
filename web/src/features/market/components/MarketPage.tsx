import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { BarChart } from '@/components/ui/BarChart';
import { Card } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageSkeleton } from '@/components/ui/Skeleton';
import { EmptyState, ErrorState } from '@/components/ui/States';
import { describeError } from '@/lib/errors';
import type { MarketInsightsQuery as Result } from '@/gql/graphql';
import {
  describeGrowth,
  formatCount,
  formatGrowth,
  formatMoney,
  goalRoleId,
  MarketGoalsQuery,
  MarketInsightsQuery,
  MarketRolesQuery,
} from '../api/market';

type Insights = NonNullable<Result['marketInsights']>;
interface Source {
  name: string;
  year: string;
  url: string;
}

function Cite({ source }: { source: Source }) {
  return (
    <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
      Source:{' '}
      <a href={source.url} target="_blank" rel="noreferrer" className="underline">
        {source.name}
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
      , {source.year}
    </p>
  );
}

function Stat({
  label,
  value,
  detail,
  source,
}: {
  label: string;
  value: string;
  detail?: string;
  source: Source;
}) {
  return (
    <Card className="flex flex-col">
      <h3 className="text-sm text-slate-700 dark:text-slate-300">{label}</h3>
      <p className="text-2xl font-semibold">{value}</p>
      {detail && <p className="text-sm text-slate-700 dark:text-slate-300">{detail}</p>}
      <Cite source={source} />
    </Card>
  );
}

function InsightsView({ m, onPick }: { m: Insights; onPick: (id: string) => void }) {
  const pay = [
    { label: '10th percentile', value: Math.round(m.pay10thPercentile.value) },
    { label: 'Median', value: Math.round(m.medianPay.value) },
    { label: '90th percentile', value: Math.round(m.pay90thPercentile.value) },
  ];
  const paySources = [m.pay10thPercentile, m.medianPay, m.pay90thPercentile]
    .map((f) => f.source)
    .filter((s, i, all) => all.findIndex((x) => x.url === s.url && x.year === s.year) === i);
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Figures for the U.S. occupation <strong>{m.occupationTitle}</strong> (SOC {m.socCode})
        {m.projectionGroup ? `; growth and openings are projected for the group “${m.projectionGroup}”` : ''}.
      </p>
      <Card aria-labelledby="pay-heading">
        <h2 id="pay-heading" className="mb-3 text-base font-semibold">
          Annual pay
        </h2>
        <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
          <BarChart
            title={`Annual pay of ${m.occupationTitle} (USD)`}
            data={pay}
            unit="USD per year"
            formatValue={(v) => `$${Math.round(v / 1000)}k`}
          />
          <dl className="flex flex-col gap-2 text-sm">
            <div>
              <dt className="text-slate-700 dark:text-slate-300">10th percentile</dt>
              <dd className="text-lg font-semibold">{formatMoney(m.pay10thPercentile)}</dd>
            </div>
            <div>
              <dt className="text-slate-700 dark:text-slate-300">Median</dt>
              <dd className="text-lg font-semibold">{formatMoney(m.medianPay)}</dd>
            </div>
            <div>
              <dt className="text-slate-700 dark:text-slate-300">90th percentile</dt>
              <dd className="text-lg font-semibold">{formatMoney(m.pay90thPercentile)}</dd>
            </div>
          </dl>
        </div>
        {paySources.map((s) => (
          <Cite key={`${s.url}${s.year}`} source={s} />
        ))}
      </Card>
      <section aria-label="Outlook" className="grid gap-4 md:grid-cols-3">
        <Stat
          label="Projected growth"
          value={formatGrowth(m.projectedGrowthPercent)}
          detail={`${m.projectedGrowthPercent.unit}: ${describeGrowth(m.projectedGrowthPercent.value)}`}
          source={m.projectedGrowthPercent.source}
        />
        <Stat
          label="Openings each year"
          value={formatCount(m.annualOpenings)}
          detail={m.annualOpenings.unit}
          source={m.annualOpenings.source}
        />
        <Stat label="Typical education" value={m.typicalEducation.value} source={m.typicalEducation.source} />
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <Card aria-labelledby="skills-heading">
          <h2 id="skills-heading" className="mb-3 text-base font-semibold">
            Top skills
          </h2>
          {m.topSkills.length === 0 ? (
            <p className="text-sm">No skills are listed for this occupation.</p>
          ) : (
            <BarChart
              title="Level each top skill is needed at (1–5)"
              data={m.topSkills.map((s) => ({ label: s.name, value: s.level }))}
              unit="level"
              horizontal
              height={Math.max(160, m.topSkills.length * 36 + 40)}
            />
          )}
          <Cite source={m.topSkillsSource} />
        </Card>
        <Card aria-labelledby="tech-heading">
          <h2 id="tech-heading" className="mb-3 text-base font-semibold">
            Hot technologies
          </h2>
          {m.hotTechnologies.length === 0 ? (
            <p className="text-sm">No technologies are listed for this occupation.</p>
          ) : (
            <ul className="flex flex-wrap gap-2">
              {m.hotTechnologies.map((t) => (
                <li
                  key={t}
                  className="rounded-full bg-indigo-50 px-3 py-1 text-sm text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100"
                >
                  {t}
                </li>
              ))}
            </ul>
          )}
          <Cite source={m.hotTechnologiesSource} />
        </Card>
      </div>
      {m.relatedRoles.length > 0 && (
        <Card aria-labelledby="related-heading">
          <h2 id="related-heading" className="mb-3 text-base font-semibold">
            Related roles
          </h2>
          <ul className="flex flex-wrap gap-2">
            {m.relatedRoles.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  onClick={() => onPick(r.id)}
                  className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:hover:bg-slate-800"
                >
                  {r.title}
                </button>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

export function MarketPage() {
  const [params, setParams] = useSearchParams();
  const named = params.get('role');
  // A role in the URL wins (even an empty one: the person chose "Choose a role"); without one the
  // page opens on the active goal's role.
  const [goals] = useQuery({ query: MarketGoalsQuery, pause: named !== null });
  const roleId = named ?? goalRoleId(goals.data?.me?.goals ?? []);
  const [roles, refetchRoles] = useQuery({ query: MarketRolesQuery });
  const [insights, refetch] = useQuery({
    query: MarketInsightsQuery,
    variables: { roleId },
    pause: !roleId,
  });
  const selectId = useId();
  const pick = (id: string) => {
    setParams({ role: id }, { replace: false });
  };

  return (
    <>
      <PageHeader title="Job market insights">
        <p>Pay, growth, openings and the skills employers ask for, with the source of every figure.</p>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <div className="flex max-w-md flex-col gap-1">
          <label htmlFor={selectId} className="text-sm font-medium">
            Role
          </label>
          <select
            id={selectId}
            value={roleId}
            onChange={(e) => pick(e.target.value)}
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
        {roles.error && !roles.data ? (
          <ErrorState
            message={describeError(roles.error)}
            onRetry={() => refetchRoles({ requestPolicy: 'network-only' })}
          />
        ) : !roleId ? (
          <EmptyState title="Choose a role to see its job market">
            Pick a role above: you will see its pay range, growth, openings and the skills employers ask for.
          </EmptyState>
        ) : insights.fetching && !insights.data ? (
          <PageSkeleton label="Loading market figures" />
        ) : insights.error && !insights.data ? (
          <ErrorState
            message={describeError(insights.error)}
            onRetry={() => refetch({ requestPolicy: 'network-only' })}
          />
        ) : !insights.data?.marketInsights ? (
          <EmptyState title="No market figures for this role">
            There are no published figures for this role yet. Try a related role.
          </EmptyState>
        ) : (
          <InsightsView m={insights.data.marketInsights} onPick={pick} />
        )}
      </div>
    </>
  );
}
