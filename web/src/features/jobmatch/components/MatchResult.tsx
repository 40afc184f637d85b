import { BarChart } from '@/components/ui/BarChart';
import { Card, CardTitle } from '@/components/ui/Card';
import type { JobMatchFieldsFragment } from '@/gql/graphql';
import { formatDate } from '@/lib/dates';
import { byAction, partLabels, requirementStatusLabels } from '../api/jobmatch';

const statusStyle: Record<string, string> = {
  MET: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  PARTLY_MET: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  MISSING: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
  UNKNOWN: 'bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100',
};

/** The breakdown of one match: score, parts (a chart), every requirement with its evidence. */
export function MatchResult({ match: m }: { match: JobMatchFieldsFragment }) {
  const scored = m.parts.filter((p) => p.scored);
  return (
    <div className="flex flex-col gap-4" data-testid="job-match">
      <Card aria-labelledby="jm-score">
        <h2 id="jm-score" className="text-lg font-semibold">
          Match for {m.title}: {m.score} of 100
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The score rests on {Math.round(m.coverage * 100)}% of what the ad asks for; parts Career Coach
          cannot judge are left out, not guessed.{' '}
          {m.skillsUpdatedAt
            ? `Skills are compared with your skill profile of ${formatDate(m.skillsUpdatedAt)}.`
            : 'You have no skill profile yet: upload a CV or take a skills assessment, and every skill below counts as missing until then.'}
        </p>
        <p className="mt-2 text-sm">
          {m.occupation ? (
            <>
              Occupation: {m.occupation.title} (O*NET {m.occupation.code}), confidence{' '}
              {Math.round(m.occupation.confidence * 100)}%: {m.occupation.how}.
            </>
          ) : (
            'No O*NET occupation has this title.'
          )}
        </p>
      </Card>
      {scored.length > 0 && (
        <Card>
          <BarChart
            title="Points by part"
            unit="points"
            horizontal
            data={scored.map((p) => ({ label: `${partLabels[p.part]} (of ${p.weight})`, value: p.points }))}
          />
        </Card>
      )}
      <Card aria-labelledby="jm-parts">
        <CardTitle>
          <span id="jm-parts">How the score is made</span>
        </CardTitle>
        <ul className="grid gap-2 text-sm md:grid-cols-2">
          {m.parts.map((p) => (
            <li key={p.part}>
              <span className="font-medium">{partLabels[p.part]}</span>:{' '}
              {p.scored ? `${p.points} of ${p.weight} points` : 'not scored'}
              <span className="block text-slate-700 dark:text-slate-300">{p.reasons.join(' ')}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card aria-labelledby="jm-reqs">
        <CardTitle>
          <span id="jm-reqs">What the ad asks for</span>
        </CardTitle>
        <ul className="flex flex-col gap-3">
          {byAction(m.requirements).map((r) => (
            <li
              key={`${r.kind}:${r.name}`}
              className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
            >
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{r.name}</span>
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${statusStyle[r.status]}`}>
                  {requirementStatusLabels[r.status]}
                </span>
                <span className="text-xs text-slate-700 dark:text-slate-300">
                  {r.required ? 'required' : 'preferred'} · {partLabels[r.part].toLowerCase()}
                  {r.gain > 0 && ` · +${r.gain} points if met`}
                </span>
              </p>
              <p className="mt-1">{r.reason}</p>
              {r.evidence && (
                <p className="mt-1 text-slate-700 dark:text-slate-300">
                  Evidence: {r.evidence.source}
                  {r.evidence.level != null && `, level ${r.evidence.level} of 5`}
                </p>
              )}
              {r.advice && <p className="mt-1">What to do: {r.advice}</p>}
              {r.courses.length > 0 && (
                <p className="mt-1">Courses: {r.courses.map((c) => c.title ?? c.id).join('; ')}</p>
              )}
              <blockquote className="mt-1 border-l-2 border-slate-300 pl-2 text-xs text-slate-700 italic dark:border-slate-600 dark:text-slate-300">
                The ad: “{r.sentence}”
              </blockquote>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
