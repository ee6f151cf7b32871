import { useLocale, useTranslations } from "next-intl";
import type { Figures } from "@/lib/data/dashboard";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { formatPercentage, formatScore, formatShare } from "./format";
import "./dashboard.css";

export type RollupRow = { key: string; name: string; href?: string; figures: Figures };

/** Roll-ups of several groups side by side; withheld figures show as a dash with a note. */
export function RollupTable({ caption, rows, id }: { caption: string; rows: RollupRow[]; id: string }) {
  const t = useTranslations("dashboard");
  const locale = useLocale() as Locale;
  const dash = t("figures.none");
  const n = (value: number | undefined) => (value === undefined ? dash : formatNumber(value, locale));
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      <table className="rt min-w-full divide-y divide-stone-200 text-sm" id={id}>
        <caption className="px-3 py-2 text-start font-semibold">{caption}</caption>
        <thead className="bg-stone-50">
          <tr>
            <th scope="col">{t("rollups.name")}</th>
            <th scope="col">{t("figures.reportingRate")}</th>
            <th scope="col">{t("figures.completion")}</th>
            <th scope="col">{t("figures.assessment")}</th>
            <th scope="col">{t("figures.disagreements")}</th>
            <th scope="col">{t("timeliness.OVERDUE")}</th>
            <th scope="col">{t("timeliness.ON_TRACK")}</th>
            <th scope="col">{t("timeliness.COMPLETED_ON_TIME")}</th>
            <th scope="col">{t("timeliness.COMPLETED_LATE")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map(({ key, name, href, figures }) => (
            <tr key={key} data-rollup={key} data-withheld={figures.withheld || undefined}>
              <th scope="row">
                {href ? (
                  <a href={href} className="text-brand-700 hover:underline">
                    {name}
                  </a>
                ) : (
                  name
                )}
              </th>
              <td>{formatShare(figures.reportingRate, locale)}</td>
              <td data-figure="completion">
                {figures.withheld ? <span title={t("figures.withheld")}>{dash}</span> : formatShare(figures.completion, locale)}
              </td>
              <td data-figure="assessment">
                {figures.assessmentAverage === null
                  ? dash
                  : t("figures.scoreAndPercent", {
                      score: formatScore(figures.assessmentAverage, locale),
                      percent: formatPercentage(figures.assessmentPercent, locale),
                    })}
              </td>
              <td>{figures.disagreements === null ? dash : n(figures.disagreements)}</td>
              <td>{n(figures.timeliness?.overdue)}</td>
              <td>{n(figures.timeliness?.onTrack)}</td>
              <td>{n(figures.timeliness?.completedOnTime)}</td>
              <td>{n(figures.timeliness?.completedLate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
