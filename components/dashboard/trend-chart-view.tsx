"use client";

import { useId } from "react";

export type TrendMonthView = {
  month: string;
  label: string;
  /** Labelled under the axis (January, and the first month). */
  tick: boolean;
  /** Pairs at each status of the legend, in its order; null when withheld from the viewer. */
  counts: number[] | null;
  /** The same counts as the table shows them. */
  texts: string[] | null;
};
export type TrendWords = { heading: string; chartLabel: string; withheldNote: string | null; showTable: string; tableCaption: string; month: string; withheld: string };

const HEIGHT = 180;
const AXIS = 22;

/**
 * Stacked bars, one a month, and the same figures as a table: a client component only so that
 * the bars travel to the page as counts rather than as an RSC tree of SVG elements next to the
 * same HTML. Every word and figure is formatted on the server (trend-chart.tsx).
 */
export function TrendChartView({ months, pairs, rtl, legend, words }: { months: TrendMonthView[]; pairs: number; rtl: boolean; legend: { name: string; fill: string }[]; words: TrendWords }) {
  const id = useId();
  const barWidth = Math.max(4, Math.min(24, Math.floor(720 / months.length)));
  const width = months.length * barWidth;
  const x = (index: number) => (rtl ? width - (index + 1) * barWidth : index * barWidth);

  return (
    <section aria-labelledby={`${id}-h`} className="space-y-3" data-testid="trend">
      <h2 id={`${id}-h`} className="text-lg font-semibold">{words.heading}</h2>
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
        <svg
          role="img"
          aria-labelledby={`${id}-t`}
          viewBox={`0 0 ${width} ${HEIGHT + AXIS}`}
          width={width}
          height={HEIGHT + AXIS}
          className="max-w-none"
        >
          <title id={`${id}-t`}>{words.chartLabel}</title>
          <defs>
            <pattern id={`${id}-w`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="4" height="4" fill="#e7e5e4" />
              <line x1="0" y1="0" x2="0" y2="4" stroke="#a8a29e" strokeWidth="2" />
            </pattern>
          </defs>
          {months.map((m, index) => {
            if (m.counts === null) {
              return <rect key={m.month} x={x(index) + 0.5} y={0} width={barWidth - 1} height={HEIGHT} fill={`url(#${id}-w)`} />;
            }
            let y = HEIGHT;
            return (
              <g key={m.month}>
                {legend.map((s, i) => {
                  const h = Math.round((m.counts![i]! / pairs) * HEIGHT * 10) / 10;
                  y = Math.round((y - h) * 10) / 10;
                  return h > 0 ? <rect key={s.name} x={x(index) + 0.5} y={y} width={barWidth - 1} height={h} fill={s.fill} /> : null;
                })}
              </g>
            );
          })}
          {months.map((m, index) =>
            m.tick ? (
              <text key={m.month} x={x(index) + barWidth / 2} y={HEIGHT + 15} fontSize="10" textAnchor="middle" fill="#57534e">
                {m.label}
              </text>
            ) : null,
          )}
        </svg>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-600">
          {legend.map((s) => (
            <li key={s.name} className="inline-flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm ring-1 ring-stone-300" style={{ backgroundColor: s.fill }} />
              {s.name}
            </li>
          ))}
        </ul>
      </div>
      {words.withheldNote ? <p className="text-sm text-stone-600">{words.withheldNote}</p> : null}
      <details className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer text-brand-700">{words.showTable}</summary>
        <div className="mt-2 max-h-96 overflow-auto">
          <table className="dt min-w-full text-xs">
            <caption className="sr-only">{words.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1 text-start">{words.month}</th>
                {legend.map((s) => (
                  <th key={s.name} scope="col" className="px-2 py-1 text-start">{s.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.label}</th>
                  {m.texts === null ? (
                    <td colSpan={legend.length} className="px-2 py-1 text-stone-500">{words.withheld}</td>
                  ) : (
                    m.texts.map((text, i) => <td key={legend[i]!.name}>{text}</td>)
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
