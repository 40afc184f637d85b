import {
  Bar,
  BarChart as RBarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export interface BarDatum {
  label: string;
  value: number;
}

/**
 * A bar chart (recharts) with its numbers also in a table for screen
 * readers: the drawing is hidden from them, the table is hidden from sight.
 */
export function BarChart({
  title,
  data,
  unit,
  height = 220,
  formatValue,
  horizontal = false,
}: {
  title: string;
  data: BarDatum[];
  unit: string;
  height?: number;
  /** Axis labels of the values, e.g. 80000 → "$80k". */
  formatValue?: (v: number) => string;
  /** Bars run left to right, labels on the left (for long labels). */
  horizontal?: boolean;
}) {
  const valueAxis = {
    tick: { fill: 'currentColor', fontSize: 12 },
    allowDecimals: false,
    ...(formatValue ? { tickFormatter: formatValue } : {}),
  };
  const labelAxis = { dataKey: 'label', tick: { fill: 'currentColor', fontSize: 12 } };
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <div aria-hidden="true" style={{ height }} className="text-indigo-700 dark:text-indigo-300">
        <ResponsiveContainer width="100%" height="100%">
          <RBarChart
            accessibilityLayer={false}
            data={data}
            layout={horizontal ? 'vertical' : 'horizontal'}
            margin={{ top: 8, right: 16, bottom: 0, left: formatValue || horizontal ? 0 : -16 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
            {horizontal ? (
              <>
                <XAxis type="number" {...valueAxis} />
                <YAxis type="category" width={130} {...labelAxis} />
              </>
            ) : (
              <>
                <XAxis {...labelAxis} />
                <YAxis {...valueAxis} />
              </>
            )}
            <Tooltip formatter={(v) => [`${v} ${unit}`, title]} />
            <Bar
              dataKey="value"
              fill="currentColor"
              radius={horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0]}
              isAnimationActive={false}
            />
          </RBarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Value ({unit})</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{d.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
