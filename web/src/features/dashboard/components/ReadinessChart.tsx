import { useQuery } from 'urql';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Skeleton } from '@/components/ui/Skeleton';
import { EmptyState, ErrorState } from '@/components/ui/States';
import { formatDate, formatDateTime } from '@/lib/dates';
import { describeError } from '@/lib/errors';
import {
  readinessChange,
  readinessSeries,
  ReadinessHistoryQuery,
  type ReadinessPoint,
} from '../api/dashboard';

const day = (ms: number) => formatDate(new Date(ms));

/** Readiness for a role over time as a line, with every point in a table for screen readers. */
export function ReadinessChart({
  roleTitle,
  points,
}: {
  roleTitle: string;
  points: readonly ReadinessPoint[];
}) {
  const data = readinessSeries(points);
  const title = `Readiness for ${roleTitle} over time (%)`;
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <p className="text-sm text-slate-700 dark:text-slate-300">{readinessChange(points)}</p>
      <div aria-hidden="true" style={{ height: 200 }} className="text-indigo-700 dark:text-indigo-300">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            accessibilityLayer={false}
            data={data}
            margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={day}
              tick={{ fill: 'currentColor', fontSize: 12 }}
            />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tick={{ fill: 'currentColor', fontSize: 12 }}
            />
            <Tooltip
              labelFormatter={(v) => formatDateTime(new Date(Number(v)))}
              formatter={(v) => [`${v}%`, 'Readiness']}
            />
            <Line
              type="stepAfter"
              dataKey="percent"
              stroke="currentColor"
              strokeWidth={2}
              dot={{ r: 4 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Readiness (%)</th>
          </tr>
        </thead>
        <tbody>
          {data.map((p, i) => (
            <tr key={`${p.at}-${i}`}>
              <th scope="row">{formatDateTime(new Date(p.at))}</th>
              <td>{p.percent}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Loads and shows one role's readiness history. */
export function RoleReadiness({ role }: { role: { id: string; title: string } }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ReadinessHistoryQuery,
    variables: { role: role.id },
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data)
    return (
      <div role="status">
        <span className="sr-only">Loading your readiness for {role.title}…</span>
        <Skeleton className="h-48" />
      </div>
    );
  if (error && !data)
    return (
      <ErrorState message={describeError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  const points = data?.me?.readinessHistory ?? [];
  if (points.length === 0)
    return (
      <EmptyState title={`No readiness recorded for ${role.title} yet`}>
        It is recorded when your skills change: a CV analysis, a quiz, a self-rating or a completed course.
      </EmptyState>
    );
  return <ReadinessChart roleTitle={role.title} points={points} />;
}
