'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/format';
import { STACKED_BAR_CHART_HEIGHT } from './sizes';

export interface StackedSeries {
  key: string;
  label: string;
  color: string;
}

export interface StackedRow {
  label: string;
  values: Record<string, number>;
  /** Link per series key (drill-down to the filtered list). */
  hrefs: Record<string, string>;
}

/** Presentational stacked bars; aria-hidden because the table beside it carries the same data and links. */
export function StackedBarChart({ rows, series }: { rows: StackedRow[]; series: StackedSeries[] }) {
  const router = useRouter();
  const data = rows.map((row) => ({ label: row.label, ...row.values, hrefs: row.hrefs }));
  return (
    <div aria-hidden="true" style={{ width: '100%', height: STACKED_BAR_CHART_HEIGHT }}>
      <ResponsiveContainer>
        <BarChart accessibilityLayer={false} data={data} margin={{ left: 8, right: 16, top: 8, bottom: 4 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          {/* Slanted so every stage's name stays readable on a phone, where upright names overlap. */}
          <XAxis
            dataKey="label"
            tick={{ fontSize: 12 }}
            interval={0}
            angle={-35}
            textAnchor="end"
            height={80}
          />
          <YAxis allowDecimals={false} tickFormatter={formatCount} width={64} />
          <Tooltip formatter={(v) => formatCount(Number(v))} />
          <Legend />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="status"
              fill={s.color}
              cursor="pointer"
              onClick={(d) => {
                const href = (d as unknown as { payload: { hrefs: Record<string, string> } }).payload.hrefs[
                  s.key
                ];
                if (href) router.push(href);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
