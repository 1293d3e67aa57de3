'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/format';
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
export function HorizontalBarChart({
  data,
  color = '#0b5394',
  name = 'Installations',
  formatValue = formatCount,
}: {
  data: BarDatum[];
  color?: string;
  /** What a bar counts, for the tooltip. */
  name?: string;
  /** How axis ticks and the tooltip write a value (counts with thousands separators by default). */
  formatValue?: (value: number) => string;
}) {
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
          <XAxis type="number" allowDecimals={formatValue !== formatCount} tickFormatter={formatValue} />
          <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => formatValue(Number(v))} />
          <Bar
            dataKey="value"
            name={name}
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
