'use client';

import { useRouter } from 'next/navigation';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { COMBO_CHART_HEIGHT } from './sizes';

export interface ComboSeries {
  key: string;
  label: string;
  color: string;
  kind: 'bar' | 'line';
  /** Bars with the same stack id stack; bars without one stand side by side (grouped). */
  stackId?: string;
  dashed?: boolean;
}

export interface ComboRow {
  label: string;
  values: Record<string, number | null>;
  /** Where clicking a bar of the series goes (the filtered list behind the number). */
  hrefs?: Record<string, string>;
}

export interface ComboReferenceLine {
  y: number;
  label: string;
  color: string;
}

/**
 * Presentational bars and lines over Migration Weeks: grouped or stacked bars, lines (dashed for a commitment or a
 * capacity) and horizontal reference lines. Hidden from assistive technology and the tab order: the table beside
 * every chart carries the same numbers and the same drill-down links.
 */
export function ComboChart({
  rows,
  series,
  referenceLines = [],
  height = COMBO_CHART_HEIGHT,
  compact = false,
}: {
  rows: ComboRow[];
  series: ComboSeries[];
  referenceLines?: ComboReferenceLine[];
  height?: number;
  /** Small multiples: no legend, fewer ticks. */
  compact?: boolean;
}) {
  const router = useRouter();
  const data = rows.map((row) => ({ label: row.label, ...row.values, hrefs: row.hrefs ?? {} }));
  const go = (key: string) => (d: unknown) => {
    const href = (d as { payload?: { hrefs?: Record<string, string> } }).payload?.hrefs?.[key];
    if (href) router.push(href);
  };
  return (
    <div aria-hidden="true" style={{ width: '100%', height }}>
      <ResponsiveContainer>
        <ComposedChart
          accessibilityLayer={false}
          data={data}
          margin={{ left: compact ? 0 : 8, right: 12, top: 8, bottom: 4 }}
        >
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis
            dataKey="label"
            tick={{ fontSize: compact ? 10 : 12 }}
            interval={compact ? 'preserveStartEnd' : 'equidistantPreserveStart'}
          />
          <YAxis allowDecimals={false} width={compact ? 40 : 56} tick={{ fontSize: compact ? 10 : 12 }} />
          <Tooltip />
          {compact ? null : <Legend />}
          {series.map((s) =>
            s.kind === 'bar' ? (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color}
                stackId={s.stackId}
                cursor="pointer"
                isAnimationActive={false}
                onClick={go(s.key)}
              />
            ) : (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? '6 4' : undefined}
                type="step"
                dot={false}
                isAnimationActive={false}
              />
            ),
          )}
          {referenceLines.map((line) => (
            <ReferenceLine
              key={line.label}
              y={line.y}
              stroke={line.color}
              strokeDasharray="4 4"
              label={compact ? undefined : { value: line.label, position: 'insideTopLeft', fontSize: 12 }}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
