import { Card } from '@/components/ui/Card';
import type { CvDetailQuery } from '@/gql/graphql';
import { levelNames } from '../api/cv';
import { ReadingReport } from './ReadingReport';
import { formatDateTime } from '@/lib/dates';

type Analysis = NonNullable<NonNullable<CvDetailQuery['cv']>['analysis']>;

function List({ id, title, items }: { id: string; title: string; items: string[] }) {
  return (
    <Card aria-labelledby={id}>
      <h3 id={id} className="mb-2 font-semibold">
        {title}
      </h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">None found.</p>
      ) : (
        <ul className="list-disc pl-5 text-sm">
          {items.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function AnalysisView({ a }: { a: Analysis }) {
  return (
    <div className="flex flex-col gap-4">
      <Card aria-labelledby="cv-score">
        <div className="flex flex-wrap items-end gap-6">
          <div>
            <h2 id="cv-score" className="text-base font-semibold">
              CV score
            </h2>
            <p className="text-5xl font-semibold" data-testid="cv-score">
              {a.score}
              <span className="text-lg font-normal text-slate-600 dark:text-slate-300">/100</span>
            </p>
          </div>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Seniority: {a.seniority.toLowerCase()} · analysed {formatDateTime(a.analysedAt)} by the {a.engine}{' '}
            engine
          </p>
        </div>
        <table className="mt-4 w-full text-left text-sm">
          <caption className="sr-only">How the score is made up</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-1">
                Aspect
              </th>
              <th scope="col">Points</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {a.scoreReasons.map((r) => (
              <tr key={r.aspect} className="border-b border-slate-100 align-top dark:border-slate-800">
                <th scope="row" className="py-1 pr-2 font-medium">
                  {r.aspect}
                </th>
                <td className="pr-2 whitespace-nowrap">
                  {r.points} / {r.maxPoints}
                </td>
                <td>{r.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <ReadingReport confidence={a.confidence} unreadParts={a.unreadParts} />
      <div className="grid gap-4 md:grid-cols-3">
        <List id="cv-strengths" title="Strengths" items={a.strengths} />
        <List id="cv-weaknesses" title="Weaknesses" items={a.weaknesses} />
        <List id="cv-suggestions" title="Suggestions" items={a.suggestions} />
      </div>
      <Card aria-labelledby="cv-skills">
        <h3 id="cv-skills" className="mb-2 font-semibold">
          Skills found ({a.skills.length})
        </h3>
        {a.skills.length === 0 ? (
          <p className="text-sm">
            No skills were recognised. Name your tools and methods in your experience.
          </p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2">
            {a.skills.map((s) => (
              <li key={s.name} className="text-sm">
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">{s.name}</span> · level {s.level} (
                    {levelNames[s.level] ?? '?'}){s.years ? ` · ${s.years} years` : ''}
                    {s.source === 'USER' ? ' · your statement' : ''}
                  </summary>
                  {s.source === 'USER' && (
                    <p className="mt-1 pl-4 text-slate-700 dark:text-slate-300">
                      You added this skill; your CV does not show it, so it does not count in the score.
                    </p>
                  )}
                  <ul className="mt-1 flex flex-col gap-1 pl-4 text-slate-700 dark:text-slate-300">
                    {s.evidence.map((e, i) => (
                      <li key={i}>
                        “{e.snippet}” <span className="text-xs">({e.where})</span>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {a.suggestedRoles.length > 0 && (
        <Card aria-labelledby="cv-roles">
          <h3 id="cv-roles" className="mb-2 font-semibold">
            Roles that fit
          </h3>
          <ul className="flex flex-col gap-1 text-sm">
            {a.suggestedRoles.map((r) => (
              <li key={r.title}>
                <span className="font-medium">{r.title}</span>: {r.reason}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
