import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { BarChart } from '@/components/ui/BarChart';
import { Card } from '@/components/ui/Card';
import { SearchOrBrowse } from '@/components/ui/SearchOrBrowse';
import { DataAttribution } from '@/components/ui/DataAttribution';
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
  MarketCategoriesQuery,
  MarketCategoryRolesQuery,
  MarketGoalsQuery,
  MarketInsightsQuery,
  MarketSearchRolesQuery,
  unavailableReason,
  type Figure,
} from '../api/market';
import type { RoleCategory } from '@/gql/graphql';

type Insights = NonNullable<Result['marketInsights']>;
interface Source {
  name: string;
  year: string;
  url: string;
  file?: string;
  date?: string;
}
type SourcedFigure = Figure & { source: Source };

function Cite({ source }: { source: Source }) {
  return (
    <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
      Source:{' '}
      <a href={source.url} target="_blank" rel="noreferrer" className="underline">
        {source.name}
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
      , {source.year}
      {source.file ? ` (release file ${source.file}${source.date ? `, ${source.date}` : ''})` : ''}
    </p>
  );
}

/** Says plainly that a figure is not published, and why; never a zero. */
function NoFigure({ reason }: { reason?: string }) {
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      <span className="font-semibold">No figure published.</span> {reason ?? 'The source publishes none.'}
    </p>
  );
}

function Stat({
  label,
  value,
  detail,
  source,
  missing,
}: {
  label: string;
  value?: string;
  detail?: string;
  source?: Source;
  missing?: string;
}) {
  return (
    <Card className="flex flex-col">
      <h3 className="text-sm text-slate-700 dark:text-slate-300">{label}</h3>
      {value !== undefined && source ? (
        <>
          <p className="text-2xl font-semibold">{value}</p>
          {detail && <p className="text-sm text-slate-700 dark:text-slate-300">{detail}</p>}
          <Cite source={source} />
        </>
      ) : (
        <NoFigure reason={missing} />
      )}
    </Card>
  );
}

function InsightsView({ m, onPick }: { m: Insights; onPick: (id: string) => void }) {
  const missing = (field: string) => unavailableReason(m.unavailable, field);
  const percentiles: [string, string, SourcedFigure | null][] = [
    ['10th percentile', 'pay10thPercentile', m.pay10thPercentile],
    ['25th percentile', 'pay25thPercentile', m.pay25thPercentile],
    ['Median', 'medianPay', m.medianPay],
    ['75th percentile', 'pay75thPercentile', m.pay75thPercentile],
    ['90th percentile', 'pay90thPercentile', m.pay90thPercentile],
  ];
  const pay = percentiles.flatMap(([label, , f]) => (f ? [{ label, value: Math.round(f.value) }] : []));
  const paySources = percentiles
    .flatMap(([, , f]) => (f ? [f.source] : []))
    .filter((s, i, all) => all.findIndex((x) => x.url === s.url && x.year === s.year) === i);
  const growth = m.projectedGrowthPercent;
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Figures for the U.S. occupation <strong>{m.occupationTitle}</strong> (SOC {m.socCode})
        {m.projectionGroup ? `; BLS publishes them for the group “${m.projectionGroup}”` : ''}.
      </p>
      <Card aria-labelledby="pay-heading">
        <h2 id="pay-heading" className="mb-3 text-base font-semibold">
          Annual pay
        </h2>
        <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
          {pay.length > 0 ? (
            <BarChart
              title={`Annual pay of ${m.occupationTitle} (USD)`}
              data={pay}
              unit="USD per year"
              formatValue={(v) => `$${Math.round(v / 1000)}k`}
            />
          ) : (
            <NoFigure reason={missing('medianPay')} />
          )}
          <dl className="flex flex-col gap-2 text-sm">
            {percentiles.map(([label, field, f]) => (
              <div key={field}>
                <dt className="text-slate-700 dark:text-slate-300">{label}</dt>
                <dd className={f ? 'text-lg font-semibold' : 'text-sm'}>
                  {f
                    ? formatMoney(f)
                    : `No figure published: ${missing(field) ?? 'the source publishes none'}.`}
                </dd>
              </div>
            ))}
          </dl>
        </div>
        {paySources.map((s) => (
          <Cite key={`${s.url}${s.year}`} source={s} />
        ))}
      </Card>
      <section aria-label="Outlook" className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Jobs (employment)"
          value={m.employment ? formatCount(m.employment) : undefined}
          source={m.employment?.source}
          missing={missing('employment')}
        />
        <Stat
          label="Projected growth"
          value={growth ? formatGrowth(growth) : undefined}
          detail={growth ? `${growth.unit}: ${describeGrowth(growth.value)}` : undefined}
          source={growth?.source}
          missing={missing('projectedGrowthPercent')}
        />
        <Stat
          label="Openings each year"
          value={m.annualOpenings ? formatCount(m.annualOpenings) : undefined}
          detail={m.annualOpenings?.unit}
          source={m.annualOpenings?.source}
          missing={missing('annualOpenings')}
        />
        <Stat
          label="Typical education"
          value={m.typicalEducation?.value}
          source={m.typicalEducation?.source}
          missing={missing('typicalEducation')}
        />
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

/** Find a role by title or alternate title, or browse a category's roles. */
function RoleFinder({ onPick }: { onPick: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<RoleCategory | ''>('');
  const q = query.trim();
  const [search] = useQuery({
    query: MarketSearchRolesQuery,
    variables: { query: q },
    pause: q.length < 2,
  });
  const [cats] = useQuery({ query: MarketCategoriesQuery });
  const [inCategory] = useQuery({
    query: MarketCategoryRolesQuery,
    variables: { category: category as RoleCategory },
    pause: !category,
  });
  const hits = q.length < 2 ? [] : (search.data?.searchRoles.hits ?? []);
  return (
    <SearchOrBrowse
      label="Find a role"
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

export function MarketPage() {
  const [params, setParams] = useSearchParams();
  const named = params.get('role');
  // A role in the URL wins (even an empty one: the person chose "Choose a role"); without one the
  // page opens on the active goal's role.
  const [goals] = useQuery({ query: MarketGoalsQuery, pause: named !== null });
  const roleId = named ?? goalRoleId(goals.data?.me?.goals ?? []);
  const [insights, refetch] = useQuery({
    query: MarketInsightsQuery,
    variables: { roleId },
    pause: !roleId,
  });
  const pick = (id: string) => {
    setParams({ role: id }, { replace: false });
  };

  return (
    <>
      <PageHeader title="Job market insights">
        <p>Pay, growth, openings and the skills employers ask for, with the source of every figure.</p>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <RoleFinder onPick={pick} />
        {!roleId ? (
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
          <>
            <h2 className="text-lg font-semibold">{insights.data.marketInsights.role.title}</h2>
            <InsightsView m={insights.data.marketInsights} onPick={pick} />
          </>
        )}
      </div>
      <DataAttribution />
    </>
  );
}
