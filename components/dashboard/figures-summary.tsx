import { useLocale, useTranslations } from "next-intl";
import type { Figures } from "@/lib/data/dashboard";
import type { Locale } from "@/lib/i18n/routing";
import { formatNumber } from "@/lib/i18n/format";
import { formatPercentage, formatScore, formatShare } from "./format";

/** The headline figures of one group of pairs (a session, a member state, a commitment). */
export function FiguresSummary({ figures, label }: { figures: Figures; label: string }) {
  const t = useTranslations("dashboard");
  const locale = useLocale() as Locale;
  const n = (value: number) => formatNumber(value, locale);
  const card = "rounded-lg border border-stone-200 bg-white p-4 shadow-sm";
  return (
    <section aria-label={label} className="space-y-2" data-testid="figures-summary">
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className={card}>
          <dt className="text-sm text-stone-600">{t("figures.reportingRate")}</dt>
          <dd className="text-2xl font-semibold" data-figure="reporting-rate">{formatShare(figures.reportingRate, locale)}</dd>
          <dd className="text-xs text-stone-500">{t("figures.reported", { reported: n(figures.reportedPairs), pairs: n(figures.pairs) })}</dd>
        </div>
        <div className={card}>
          <dt className="text-sm text-stone-600">{t("figures.completion")}</dt>
          <dd className="text-2xl font-semibold" data-figure="completion">
            {figures.withheld ? t("figures.none") : formatShare(figures.completion, locale)}
          </dd>
          <dd className="text-xs text-stone-500">{t("figures.completionNote")}</dd>
        </div>
        <div className={card}>
          <dt className="text-sm text-stone-600">{t("figures.assessment")}</dt>
          <dd className="text-2xl font-semibold" data-figure="assessment">
            {figures.assessmentAverage === null
              ? t("figures.none")
              : t("figures.scoreAndPercent", {
                  score: formatScore(figures.assessmentAverage, locale),
                  percent: formatPercentage(figures.assessmentPercent, locale),
                })}
          </dd>
          <dd className="text-xs text-stone-500">
            {figures.assessedPairs === null ? t("figures.assessmentNote") : t("figures.assessed", { count: n(figures.assessedPairs) })}
          </dd>
        </div>
        <div className={card}>
          <dt className="text-sm text-stone-600">{t("figures.timeliness")}</dt>
          <dd className="text-sm" data-figure="timeliness">
            {figures.timeliness ? (
              <ul>
                <li>{t("timeliness.OVERDUE")}: {n(figures.timeliness.overdue)}</li>
                <li>{t("timeliness.ON_TRACK")}: {n(figures.timeliness.onTrack)}</li>
                <li>{t("timeliness.COMPLETED_ON_TIME")}: {n(figures.timeliness.completedOnTime)}</li>
                <li>{t("timeliness.COMPLETED_LATE")}: {n(figures.timeliness.completedLate)}</li>
              </ul>
            ) : (
              t("figures.none")
            )}
          </dd>
          {figures.disagreements !== null ? (
            <dd className="text-xs text-stone-500">
              {t("figures.disagreements")}: {n(figures.disagreements)}
            </dd>
          ) : null}
        </div>
      </dl>
      {figures.withheld ? <p className="text-sm text-stone-600" data-testid="figures-withheld">{t("figures.withheld")}</p> : null}
    </section>
  );
}
