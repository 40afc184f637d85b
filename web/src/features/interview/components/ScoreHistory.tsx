import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { Skeleton } from '@/components/ui/Skeleton';
import { ErrorState } from '@/components/ui/States';
import { formatDateTime } from '@/lib/dates';
import { describeError } from '@/lib/errors';
import { QuestionHistoryQuery, scorePoints } from '../api/interview';

/**
 * One question's attempts with their overall scores over time: a small chart,
 * and the same numbers in a table that screen readers (and everyone) can read.
 */
export function ScoreHistory({ questionId, version }: { questionId: string; version: number }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: QuestionHistoryQuery,
    variables: { questionId },
    requestPolicy: version ? 'network-only' : 'cache-and-network',
  });
  if (fetching && !data)
    return (
      <div role="status">
        <span className="sr-only">Loading your attempts…</span>
        <Skeleton className="h-16" />
      </div>
    );
  if (error && !data)
    return (
      <ErrorState message={describeError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  const attempts = data?.me?.interviewPractice ?? [];
  if (attempts.length === 0) return null;
  const points = scorePoints(attempts);
  const title = `Your attempts at this question: overall score (1–5) over time`;
  return (
    <figure className="mt-3 flex flex-col gap-2">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      {points.length > 1 && (
        <div aria-hidden="true" style={{ height: 140 }} className="text-indigo-700 dark:text-indigo-300">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart
              accessibilityLayer={false}
              data={points}
              margin={{ top: 8, right: 16, bottom: 0, left: -24 }}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
              <XAxis dataKey="n" tick={{ fill: 'currentColor', fontSize: 12 }} allowDecimals={false} />
              <YAxis domain={[0, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fill: 'currentColor', fontSize: 12 }} />
              <Tooltip formatter={(v) => [`${v} of 5`, 'overall']} labelFormatter={(n) => `attempt ${n}`} />
              <Line
                dataKey="overall"
                stroke="currentColor"
                strokeWidth={2}
                dot={{ r: 4 }}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-1 pr-3">
                Attempt
              </th>
              <th scope="col" className="py-1 pr-3">
                When
              </th>
              <th scope="col" className="py-1 pr-3">
                Overall
              </th>
              <th scope="col" className="py-1">
                Structure · specificity · relevance
              </th>
            </tr>
          </thead>
          <tbody>
            {[...attempts].reverse().map((a, i) => (
              <tr key={a.id} className="border-b border-slate-100 dark:border-slate-800">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {i + 1}
                </th>
                <td className="py-1 pr-3">{formatDateTime(a.createdAt)}</td>
                <td className="py-1 pr-3">{a.feedback.overall} of 5</td>
                <td className="py-1">
                  {a.feedback.star.score} · {a.feedback.specificity.score} · {a.feedback.relevance.score}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
