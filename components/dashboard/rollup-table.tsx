import { useLocale, useTranslations } from "next-intl";
import type { Figures } from "@/lib/data/dashboard";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { formatPercentage, formatScore, formatShare } from "./format";
import { RollupTableView, type RollupRowView } from "./rollup-table-view";
import "./dashboard.css";

export type RollupRow = { key: string; name: string; href?: string; figures: Figures };

/** Roll-ups of several groups side by side; withheld figures show as a dash with a note. */
export function RollupTable({ caption, rows, id }: { caption: string; rows: RollupRow[]; id: string }) {
  const t = useTranslations("dashboard");
  const locale = useLocale() as Locale;
  const dash = t("figures.none");
  const n = (value: number | undefined) => (value === undefined ? dash : formatNumber(value, locale));
  const headers = [
    t("rollups.name"),
    t("figures.reportingRate"),
    t("figures.completion"),
    t("figures.assessment"),
    t("figures.disagreements"),
    t("timeliness.OVERDUE"),
    t("timeliness.ON_TRACK"),
    t("timeliness.COMPLETED_ON_TIME"),
    t("timeliness.COMPLETED_LATE"),
  ];
  const views: RollupRowView[] = rows.map(({ key, name, href, figures }) => ({
    key,
    name,
    href: href ?? null,
    withheld: figures.withheld,
    figures: [
      formatShare(figures.reportingRate, locale),
      figures.withheld ? dash : formatShare(figures.completion, locale),
      figures.assessmentAverage === null
        ? dash
        : t("figures.scoreAndPercent", {
            score: formatScore(figures.assessmentAverage, locale),
            percent: formatPercentage(figures.assessmentPercent, locale),
          }),
      figures.disagreements === null ? dash : n(figures.disagreements),
      n(figures.timeliness?.overdue),
      n(figures.timeliness?.onTrack),
      n(figures.timeliness?.completedOnTime),
      n(figures.timeliness?.completedLate),
    ],
  }));
  return <RollupTableView id={id} caption={caption} headers={headers} rows={views} withheldTitle={t("figures.withheld")} />;
}
