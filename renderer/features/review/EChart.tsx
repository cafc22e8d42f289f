import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
// echarts' `use` registers chart parts; renamed so it does not read as React's `use` hook.
import { type EChartsCoreOption, type EChartsType, init, use as registerChartParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the review draws: the bundle stays small (tree-shaken echarts/core).
registerChartParts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** No animation under automation (tests, screenshots), while printing, or when asked (the printable report). */
export function chartsAnimate(still: boolean): boolean {
  if (still) return false;
  if (typeof navigator !== 'undefined' && navigator.webdriver) return false;
  if (typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('print').matches) return false;
  return true;
}

export interface EChartProps {
  option: EChartsCoreOption;
  height?: number;
  /** Never animate (the printable report). */
  still?: boolean;
  testId?: string;
}

/** A small React wrapper around one ECharts instance (SVG renderer: sharp on paper). */
export function EChart({ option, height = 280, still = false, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const c = init(el, undefined, { renderer: 'svg' });
    chart.current = c;
    const resize = () => c.resize();
    const beforePrint = () => {
      c.setOption({ animation: false });
      c.resize();
    };
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(el);
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      observer?.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...option, animation: chartsAnimate(still) }, { notMerge: true });
  }, [option, still]);

  return <div ref={ref} className="yf-chart" style={{ width: '100%', height }} data-testid={testId} />;
}
