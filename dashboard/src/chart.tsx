import { useEffect, useRef } from 'preact/hooks';
import type { Indicator } from '../../publish/report/data.ts';
import { renderSvg, timeSeries } from '../../publish/report/charts.ts';

/** One indicator over the years against its target: the report's chart, rendered to SVG in the browser. */
export function Chart(props: { id: string; indicator: Indicator; title: string; points: { year: number; value: number | null }[]; target: number | null }) {
  const box = useRef<HTMLDivElement>(null);
  const key = JSON.stringify([props.points, props.target]);
  useEffect(() => {
    let current = true;
    renderSvg(timeSeries(props.indicator, props.points, props.target, props.title)).then((svg) => {
      if (current && box.current) box.current.innerHTML = svg;
    });
    return () => {
      current = false;
    };
  }, [props.indicator.code, props.title, key]);
  return <figure class="chart" id={props.id} ref={box} />;
}
