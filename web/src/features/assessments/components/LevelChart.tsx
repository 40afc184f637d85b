import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartPoints, type Point } from '../api/assessments';

const day = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, { timeZone: 'UTC', month: 'short', day: 'numeric' });

/** A skill's level over time (recharts), with the same points in a table for screen readers. */
export function LevelChart({ skill, points }: { skill: string; points: Point[] }) {
  const data = chartPoints(points);
  const title = `${skill}: level over time (1–5)`;
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <div aria-hidden="true" style={{ height: 240 }} className="text-indigo-700 dark:text-indigo-300">
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
              domain={[0, 5]}
              ticks={[1, 2, 3, 4, 5]}
              allowDecimals={false}
              tick={{ fill: 'currentColor', fontSize: 12 }}
            />
            <Tooltip
              labelFormatter={(v) => day(Number(v))}
              formatter={(v, _n, p) => [`level ${v} (${p.payload.source})`, skill]}
            />
            <Line
              type="stepAfter"
              dataKey="level"
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
            <th scope="col">Date</th>
            <th scope="col">Level</th>
            <th scope="col">How</th>
          </tr>
        </thead>
        <tbody>
          {data.map((p, i) => (
            <tr key={`${p.at}-${i}`}>
              <th scope="row">{p.day}</th>
              <td>{p.level}</td>
              <td>{p.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
