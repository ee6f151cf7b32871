import { useTranslations } from "next-intl";
import type { DashboardView } from "@/lib/data/dashboard";
import { localePath } from "@/lib/i18n/paths";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { NO_REPORT, STATUSES } from "@/lib/status-scale";
import { dashboardSearch } from "@/lib/validation/dashboard";

/**
 * The dashboard's filters as a plain GET form: it works without JavaScript, and the URL it
 * leads to is the view to share. The export links carry the same filters.
 */
export function FiltersForm({ view, sessions, locale }: { view: DashboardView; sessions: number[]; locale: Locale }) {
  const t = useTranslations("dashboard");
  const status = useTranslations("common.status");
  const q = view.query;
  const field = "flex flex-col gap-1 text-sm";
  const select = "rounded border border-stone-300 bg-white px-2 py-1.5";
  const action = localePath(locale, "/");
  return (
    <section aria-labelledby="filters-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <h2 id="filters-heading" className="text-sm font-semibold">{t("filters.heading")}</h2>
      <form method="get" action={action} className="flex flex-wrap items-end gap-3" data-testid="filters">
        <label className={field}>
          {t("filters.session")}
          <select name="session" defaultValue={String(q.session)} className={select}>
            {sessions.map((number) => (
              <option key={number} value={number}>{t("sessionOption", { number })}</option>
            ))}
          </select>
        </label>
        <label className={field}>
          {t("filters.theme")}
          <select name="theme" defaultValue={q.theme ?? ""} className={select}>
            <option value="">{t("filters.any")}</option>
            {view.themes.map((theme) => (
              <option key={theme.key} value={theme.key}>{pickLocalized(theme, "name", locale)}</option>
            ))}
          </select>
        </label>
        <label className={field}>
          {t("filters.country")}
          <select name="country" defaultValue={q.country ?? ""} className={select}>
            <option value="">{t("filters.any")}</option>
            {view.countries.map((country) => (
              <option key={country.code} value={country.code}>{pickLocalized(country, "name", locale)}</option>
            ))}
          </select>
        </label>
        <label className={field}>
          {t("filters.status")}
          <select name="status" defaultValue={q.status ?? ""} className={select}>
            <option value="">{t("filters.any")}</option>
            {[...STATUSES, NO_REPORT].map((s) => (
              <option key={s} value={s}>{status(s)}</option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="disagreements" value="1" defaultChecked={q.disagreements} />
          {t("filters.disagreements")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={q.overdue} />
          {t("filters.overdue")}
        </label>
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
          {t("filters.apply")}
        </button>
        <a href={`${action}${dashboardSearch({ session: q.session })}`} className="text-sm text-brand-700 hover:underline">
          {t("filters.clear")}
        </a>
      </form>
      <p className="flex flex-wrap gap-3 text-sm">
        <span className="text-stone-600">{t("export.label")}</span>
        <a href={`/api/v1/dashboard${dashboardSearch(q)}`} className="text-brand-700 hover:underline" data-testid="export-json">
          {t("export.json")}
        </a>
        <a href={`/api/v1/dashboard${dashboardSearch(q, { format: "csv" })}`} className="text-brand-700 hover:underline" data-testid="export-csv" download>
          {t("export.csv")}
        </a>
      </p>
    </section>
  );
}
