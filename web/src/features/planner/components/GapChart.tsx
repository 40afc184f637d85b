import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { gapStatusLabel, type GapRow } from '../api/planner';

/**
 * Your level beside the required level for every skill of the target role;
 * the same numbers are in a table for screen readers.
 */
export function GapChart({ title, rows }: { title: string; rows: GapRow[] }) {
  const height = Math.max(160, rows.length * 36 + 60);
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <div aria-hidden="true" style={{ height }} className="text-slate-700 dark:text-slate-200">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={rows}
            layout="vertical"
            margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
            <XAxis
              type="number"
              domain={[0, 5]}
              ticks={[0, 1, 2, 3, 4, 5]}
              tick={{ fill: 'currentColor', fontSize: 12 }}
            />
            <YAxis type="category" dataKey="name" width={120} tick={{ fill: 'currentColor', fontSize: 12 }} />
            <Tooltip />
            <Legend />
            <Bar
              dataKey="level"
              name="Your level"
              fill="#4f46e5"
              radius={[0, 4, 4, 0]}
              isAnimationActive={false}
            />
            <Bar
              dataKey="requiredLevel"
              name="Required level"
              fill="#94a3b8"
              radius={[0, 4, 4, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col">Your level</th>
            <th scope="col">Required level</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{r.level}</td>
              <td>{r.requiredLevel}</td>
              <td>{gapStatusLabel(r.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
