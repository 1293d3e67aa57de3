'use client';

import dynamic from 'next/dynamic';
import type { ComponentProps, ReactNode } from 'react';
import type { HorizontalBarChart as BarChartType } from './bar-chart';
import type { ComboChart as ComboChartType } from './combo-chart';
import { barChartHeight, COMBO_CHART_HEIGHT, STACKED_BAR_CHART_HEIGHT } from './sizes';
import type { StackedBarChart as StackedBarChartType } from './stacked-bar-chart';

/*
 * The charts as pages import them: the chart library (recharts, about 120 kB compressed) is fetched by the browser
 * after the page is interactive, never rendered on the server and never part of a page's first load. Every chart
 * has a server-rendered table beside it with the same numbers and links, so the page reads fully before the chart
 * arrives; the space the chart will take is reserved so nothing moves when it does.
 */

const LazyBarChart = dynamic(() => import('./bar-chart').then((m) => m.HorizontalBarChart), { ssr: false });
const LazyStackedBarChart = dynamic(() => import('./stacked-bar-chart').then((m) => m.StackedBarChart), {
  ssr: false,
});
const LazyComboChart = dynamic(() => import('./combo-chart').then((m) => m.ComboChart), { ssr: false });

function Reserved({ height, children }: { height: number; children: ReactNode }) {
  return <div style={{ minHeight: height }}>{children}</div>;
}

export function HorizontalBarChart(props: ComponentProps<typeof BarChartType>) {
  return (
    <Reserved height={barChartHeight(props.data.length)}>
      <LazyBarChart {...props} />
    </Reserved>
  );
}

export function StackedBarChart(props: ComponentProps<typeof StackedBarChartType>) {
  return (
    <Reserved height={STACKED_BAR_CHART_HEIGHT}>
      <LazyStackedBarChart {...props} />
    </Reserved>
  );
}

export function ComboChart(props: ComponentProps<typeof ComboChartType>) {
  return (
    <Reserved height={props.height ?? COMBO_CHART_HEIGHT}>
      <LazyComboChart {...props} />
    </Reserved>
  );
}
