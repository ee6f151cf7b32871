import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DualDate } from "@/components/dual-date";
import { FiguresSummary } from "@/components/dashboard/figures-summary";
import { FiltersForm } from "@/components/dashboard/filters-form";
import { commitmentPath } from "@/components/dashboard/format";
import { Matrix } from "@/components/dashboard/matrix";
import { RecentActivity } from "@/components/dashboard/recent-activity";
import { RollupTable } from "@/components/dashboard/rollup-table";
import { RoundReportingRates } from "@/components/rounds/round-reporting-rates";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { requirePageUser } from "@/lib/auth/page-guards";
import { getDashboard, listSessionNumbers } from "@/lib/data/dashboard";
import { listRecentActivity } from "@/lib/data/dashboard-activity";
import { listRoundFigures } from "@/lib/data/rounds";
import { getStatusTrend } from "@/lib/data/dashboard-trend";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { isolate } from "@/lib/i18n/bidi";
import { localePath } from "@/lib/i18n/paths";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { parseDashboardQuery } from "@/lib/validation/dashboard";

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "dashboard" });
  return { title: t("title") };
}

function asOfWords(date: Date, locale: Locale) {
  const { gregorian, hijri } = formatDate(date, locale);
  return { date: gregorian, hijri };
}

export default async function DashboardPage({ params, searchParams }: PageProps<"/[locale]">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const actor = await requirePageUser(locale);
  const t = await getTranslations({ locale, namespace: "dashboard" });
  // Invalid filters in a shared URL are ignored; an unknown session, theme or country is a 404.
  const { query } = parseDashboardQuery(await searchParams);

  const loaded = await Promise.all([
    getDashboard(actor, query),
    getStatusTrend(actor, query),
    listRecentActivity(actor, query),
    listSessionNumbers(actor),
    // Read beside the rest (the session in view is known only with the dashboard): the open rounds are few.
    // Every round (a handful a year); those of the session in view are shown.
    listRoundFigures(actor),
  ]).catch((error: unknown) => {
    if (error instanceof NotFoundError && query.session === undefined) return null; // no session recorded yet
    if (error instanceof NotFoundError || error instanceof InvalidInputError) notFound();
    throw error;
  });
  if (!loaded) return <p className="text-stone-600">{t("noSession")}</p>;
  const [view, trend, activity, sessions, rounds] = loaded;
  const { session, rollups } = view;
  const path = (pathname: string, search?: Record<string, string>) =>
    localePath(locale, search ? { pathname, query: search } : pathname);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{t("title")}</p>
        <h1 className="text-2xl font-semibold sm:text-3xl">{pickLocalized(session, "title", locale)}</h1>
        <div className="flex flex-wrap gap-x-2 text-stone-600">
          <span>{pickLocalized(session, "city", locale)}</span>
          <span aria-hidden="true">·</span>
          <DualDate date={new Date(`${session.startsOn}T00:00:00Z`)} />
        </div>
        <p className="text-sm text-stone-500">
          {t("asOf", asOfWords(new Date(`${view.asOf}T00:00:00Z`), locale))}
        </p>
      </header>

      <FiltersForm view={view} sessions={sessions} locale={locale} />

      <FiguresSummary figures={rollups.session} label={t("title")} />

      <section aria-labelledby="matrix-heading" className="space-y-3">
        <h2 id="matrix-heading" className="text-lg font-semibold">{t("matrix.heading")}</h2>
        <Matrix view={view} locale={locale} actor={actor} />
      </section>

      <section className="space-y-6">
        <RollupTable
          id="rollups-themes"
          caption={t("rollups.byTheme")}
          rows={view.themes
            .filter((theme) => rollups.themes[theme.key])
            .map((theme) => ({ key: theme.key, name: pickLocalized(theme, "name", locale), figures: rollups.themes[theme.key]! }))}
        />
        <RollupTable
          id="rollups-commitments"
          caption={t("rollups.byCommitment")}
          rows={view.commitments
            .filter((c) => rollups.commitments[c.code])
            .map((c) => ({
              key: c.code,
              name: `${c.code} ${isolate(pickLocalized(c, "title", locale))}`,
              href: path(commitmentPath(c.code)),
              figures: rollups.commitments[c.code]!,
            }))}
        />
        <RollupTable
          id="rollups-countries"
          caption={t("rollups.byCountry")}
          rows={view.columns
            .filter((k) => rollups.countries[k.code])
            .map((k) => ({
              key: k.code,
              name: pickLocalized(k, "name", locale),
              href: path(`/countries/${k.code}`, { session: String(session.number) }),
              figures: rollups.countries[k.code]!,
            }))}
        />
      </section>

      <section aria-labelledby="rounds-heading" className="space-y-3" data-testid="open-rounds">
        <h2 id="rounds-heading" className="text-lg font-semibold">{t("rounds.heading")}</h2>
        <RoundReportingRates actor={actor} locale={locale} rounds={rounds.filter((round) => round.session.number === session.number)} withGaps />
      </section>

      <TrendChart trend={trend} locale={locale} heading={t("trend.heading")} />

      <RecentActivity items={activity} countries={view.countries} locale={locale} />
    </div>
  );
}
