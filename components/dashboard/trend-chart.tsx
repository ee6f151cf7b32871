import { useId } from "react";
import { useTranslations } from "next-intl";
import type { StatusTrend } from "@/lib/data/dashboard-trend";
import { formatMonth, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { NO_REPORT, STATUSES, type StatusOrNoReport } from "@/lib/status-scale";
import { TrendChartView, type TrendMonthView } from "./trend-chart-view";
import "./dashboard.css";

// Plain SVG drawn by the page itself (trend-chart-view.tsx): no charting library reaches the browser.
const FILL: Record<StatusOrNoReport, string> = {
  NOT_STARTED: "#fb7185",
  LIMITED: "#fbbf24",
  SUBSTANTIAL: "#38bdf8",
  COMPLETE: "#10b981",
  NOT_APPLICABLE: "#a8a29e",
  NO_REPORT: "#f5f5f4",
};
const ORDER: StatusOrNoReport[] = [...STATUSES, NO_REPORT];

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
  const n = (value: number) => formatNumber(value, locale);
  const views: TrendMonthView[] = months.map((m, index) => ({
    month: m.month,
    label: monthLabel(m.month, locale),
    tick: m.month.endsWith("-01-01") || index === 0,
    counts: m.counts === null ? null : ORDER.map((s) => m.counts![s]),
    texts: m.counts === null ? null : ORDER.map((s) => n(m.counts![s])),
  }));
  return (
    <TrendChartView
      months={views}
      pairs={trend.pairs}
      rtl={locale === "ar"}
      legend={ORDER.map((s) => ({ name: status(s), fill: FILL[s] }))}
      words={{
        heading,
        chartLabel: t("chartLabel", { from: views[0]!.label, to: views.at(-1)!.label }),
        withheldNote: months.some((m) => m.counts === null) ? t("withheldNote") : null,
        showTable: t("showTable"),
        tableCaption: t("tableCaption"),
        month: t("month"),
        withheld: t("withheld"),
      }}
    />
  );
}
