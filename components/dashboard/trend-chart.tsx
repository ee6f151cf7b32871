import { useId } from "react";
import { useTranslations } from "next-intl";
import type { StatusTrend } from "@/lib/data/dashboard-trend";
import { formatMonth, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { NO_REPORT, STATUSES, type StatusOrNoReport } from "@/lib/status-scale";
import "./dashboard.css";

// Server-rendered SVG: no charting library reaches the browser.
const FILL: Record<StatusOrNoReport, string> = {
  NOT_STARTED: "#fb7185",
  LIMITED: "#fbbf24",
  SUBSTANTIAL: "#38bdf8",
  COMPLETE: "#10b981",
  NOT_APPLICABLE: "#a8a29e",
  NO_REPORT: "#f5f5f4",
};
const ORDER: StatusOrNoReport[] = [...STATUSES, NO_REPORT];
const HEIGHT = 180;
const AXIS = 22;

function monthLabel(month: string, locale: Locale) {
  return formatMonth(new Date(`${month}T00:00:00Z`), locale);
}

/**
 * Stacked bars, one a month: how many pairs were at each status at the end of the month. Time
 * runs with the reading direction (right to left in Arabic). The same figures follow as a table.
 */
export function TrendChart({ trend, locale, heading }: { trend: StatusTrend; locale: Locale; heading: string }) {
  const t = useTranslations("dashboard.trend");
  const status = useTranslations("common.status");
  const id = useId();
  const months = trend.months;
  if (months.length === 0 || trend.pairs === 0) {
    return (
      <section aria-labelledby={`${id}-h`} className="space-y-2">
        <h2 id={`${id}-h`} className="text-lg font-semibold">{heading}</h2>
        <p className="text-stone-600">{t("empty")}</p>
      </section>
    );
  }
  const barWidth = Math.max(4, Math.min(24, Math.floor(720 / months.length)));
  const width = months.length * barWidth;
  const rtl = locale === "ar";
  const x = (index: number) => (rtl ? width - (index + 1) * barWidth : index * barWidth);
  const from = monthLabel(months[0]!.month, locale);
  const to = monthLabel(months.at(-1)!.month, locale);
  const anyWithheld = months.some((m) => m.counts === null);
  const n = (value: number) => formatNumber(value, locale);

  return (
    <section aria-labelledby={`${id}-h`} className="space-y-3" data-testid="trend">
      <h2 id={`${id}-h`} className="text-lg font-semibold">{heading}</h2>
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
        <svg
          role="img"
          aria-labelledby={`${id}-t`}
          viewBox={`0 0 ${width} ${HEIGHT + AXIS}`}
          width={width}
          height={HEIGHT + AXIS}
          className="max-w-none"
        >
          <title id={`${id}-t`}>{t("chartLabel", { from, to })}</title>
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
                {ORDER.map((s) => {
                  const h = Math.round((m.counts![s] / trend.pairs) * HEIGHT * 10) / 10;
                  y = Math.round((y - h) * 10) / 10;
                  return h > 0 ? <rect key={s} x={x(index) + 0.5} y={y} width={barWidth - 1} height={h} fill={FILL[s]} /> : null;
                })}
              </g>
            );
          })}
          {months.map((m, index) =>
            m.month.endsWith("-01-01") || index === 0 ? (
              <text key={m.month} x={x(index) + barWidth / 2} y={HEIGHT + 15} fontSize="10" textAnchor="middle" fill="#57534e">
                {monthLabel(m.month, locale)}
              </text>
            ) : null,
          )}
        </svg>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-600">
          {ORDER.map((s) => (
            <li key={s} className="inline-flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm ring-1 ring-stone-300" style={{ backgroundColor: FILL[s] }} />
              {status(s)}
            </li>
          ))}
        </ul>
      </div>
      {anyWithheld ? <p className="text-sm text-stone-600">{t("withheldNote")}</p> : null}
      <details className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer text-brand-700">{t("showTable")}</summary>
        <div className="mt-2 max-h-96 overflow-auto">
          <table className="dt min-w-full text-xs">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1 text-start">{t("month")}</th>
                {ORDER.map((s) => (
                  <th key={s} scope="col" className="px-2 py-1 text-start">{status(s)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthLabel(m.month, locale)}</th>
                  {m.counts === null ? (
                    <td colSpan={ORDER.length} className="px-2 py-1 text-stone-500">{t("withheld")}</td>
                  ) : (
                    ORDER.map((s) => (
                      <td key={s}>{n(m.counts![s])}</td>
                    ))
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
