'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { barChartHeight } from './sizes';

export interface BarDatum {
  label: string;
  value: number;
  /** Where clicking the bar goes (the filtered list). */
  href: string;
}

/**
 * Presentational horizontal bars. The chart is hidden from assistive technology: the table beside it,
 * with the same links, is the accessible alternative.
 */
export function HorizontalBarChart({ data, color = '#0b5394' }: { data: BarDatum[]; color?: string }) {
  const router = useRouter();
  return (
    <div aria-hidden="true" style={{ width: '100%', height: barChartHeight(data.length) }}>
      <ResponsiveContainer>
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout="vertical"
          margin={{ left: 8, right: 24, top: 4, bottom: 4 }}
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar
            dataKey="value"
            name="Installations"
            cursor="pointer"
            onClick={(d) => router.push((d as unknown as { payload: BarDatum }).payload.href)}
          >
            {data.map((d) => (
              <Cell key={d.label} fill={color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
