/**
 * Chart heights, apart from the charts themselves: the lazy wrappers (./lazy.tsx) reserve the space before the
 * chart library arrives, without importing it.
 */
export const barChartHeight = (bars: number) => Math.max(120, bars * 30 + 40);
export const STACKED_BAR_CHART_HEIGHT = 300;
export const COMBO_CHART_HEIGHT = 280;
