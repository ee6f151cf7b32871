import { useTranslations } from "next-intl";
import { DualDate } from "@/components/dual-date";
import type { DashboardCountry } from "@/lib/data/dashboard";
import type { ActivityItem } from "@/lib/data/dashboard-activity";
import { localePath } from "@/lib/i18n/paths";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { formatScore, pairPath } from "./format";

/** The latest reports, reviews and assessments in view that the viewer may read. */
export function RecentActivity({ items, countries, locale }: { items: ActivityItem[]; countries: DashboardCountry[]; locale: Locale }) {
  const t = useTranslations("dashboard.activity");
  const status = useTranslations("common.status");
  const names = new Map(countries.map((c) => [c.code, pickLocalized(c, "name", locale)]));
  const text = (item: ActivityItem) => {
    const values = { country: names.get(item.country) ?? item.country, commitment: item.commitment };
    if (item.kind === "report") return t("report", { ...values, status: status(item.status), version: item.version });
    if (item.kind === "review") return t(`review.${item.decision}`, values);
    return t("assessment", { ...values, score: formatScore(item.score, locale) });
  };
  return (
    <section aria-labelledby="activity-heading" className="space-y-3" data-testid="recent-activity">
      <h2 id="activity-heading" className="text-lg font-semibold">{t("heading")}</h2>
      {items.length === 0 ? (
        <p className="text-stone-600">{t("empty")}</p>
      ) : (
        <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white shadow-sm">
          {items.map((item) => (
            <li key={`${item.kind} ${item.commitment} ${item.country} ${item.at.toISOString()}`} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2 text-sm" data-kind={item.kind}>
              <a href={localePath(locale, pairPath(item.country, item.commitment))} className="text-brand-700 hover:underline">
                {text(item)}
              </a>
              <span className="text-xs text-stone-500">
                <DualDate date={item.at} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
