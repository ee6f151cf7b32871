import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { FiguresSummary } from "@/components/dashboard/figures-summary";
import { CountryCommitmentsView, type CountryCommitmentRow } from "@/components/dashboard/country-commitments-view";
import { commitmentPath, formatScore, pairPath } from "@/components/dashboard/format";
import { RecentActivity } from "@/components/dashboard/recent-activity";
import { RollupTable } from "@/components/dashboard/rollup-table";
import { TrendChart } from "@/components/dashboard/trend-chart";
import type { Actor } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/page-guards";
import { getDashboard, listSessionNumbers } from "@/lib/data/dashboard";
import { listRecentActivity } from "@/lib/data/dashboard-activity";
import { getStatusTrend } from "@/lib/data/dashboard-trend";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/paths";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { DashboardQuerySchema, parseDashboardQuery, type DashboardQuery } from "@/lib/validation/dashboard";

type Props = PageProps<"/[locale]/countries/[code]">;

// Metadata and page read the same figures: once per request.
const loadFigures = cache(async (actor: Actor, country: string, session: number | undefined) => {
  const query: DashboardQuery = { ...(session === undefined ? {} : { session }), country, disagreements: false, overdue: false };
  try {
    return await Promise.all([getDashboard(actor, query), getStatusTrend(actor, query), listRecentActivity(actor, query), listSessionNumbers(actor)]);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof InvalidInputError) notFound();
    throw error;
  }
});

async function load({ params, searchParams }: Props) {
  const { locale, code } = (await params) as { locale: Locale; code: string };
  const actor = await requirePageUser(locale);
  const country = DashboardQuerySchema.shape.country.safeParse(code);
  if (!country.success || !country.data) notFound();
  const { session } = parseDashboardQuery(await searchParams).query;
  const [view, trend, activity, sessions] = await loadFigures(actor, country.data, session);
  return { locale, view, trend, activity, sessions, country: view.columns[0]! };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, country } = await load(props);
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("country.title", { country: pickLocalized(country, "name", locale) }) };
}

/** One member state's scorecard: its column of the matrix, with the same figures. */
export default async function CountryPage(props: Props) {
  const { locale, view, trend, activity, sessions, country } = await load(props);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const name = pickLocalized(country, "name", locale);
  const figures = view.rollups.countries[country.code];
  const cells = new Map(view.cells.map((cell) => [cell.commitment, cell]));
  const path = (pathname: string) => localePath(locale, pathname);
  const status = await getTranslations({ locale, namespace: "common.status" });
  const dates = await getTranslations({ locale, namespace: "common.dates" });
  const dualDate = (date: Date) => {
    const formatted = formatDate(date, locale);
    return { date: formatted, hijri: dates("hijri", { date: formatted.hijri }) };
  };

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <a href={localePath(locale, { pathname: "/", query: { session: String(view.session.number) } })} className="text-sm text-brand-700 hover:underline">
          {t("country.backToDashboard")}
        </a>
        <p className="text-sm font-medium text-brand-700">{t("country.eyebrow")}</p>
        <h1 className="text-2xl font-semibold sm:text-3xl">{name}</h1>
        <p className="text-stone-600">{pickLocalized(view.session, "title", locale)}</p>
        <form method="get" className="flex items-end gap-2 text-sm">
          <label className="flex flex-col gap-1">
            {t("filters.session")}
            <select name="session" defaultValue={String(view.session.number)} className="rounded border border-stone-300 bg-white px-2 py-1.5">
              {sessions.map((number) => (
                <option key={number} value={number}>{t("sessionOption", { number })}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">
            {t("filters.apply")}
          </button>
        </form>
      </header>

      {figures ? <FiguresSummary figures={figures} label={name} /> : null}

      <section aria-labelledby="country-commitments" className="space-y-3">
        <h2 id="country-commitments" className="text-lg font-semibold">{t("country.commitmentsHeading")}</h2>
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
          <CountryCommitmentsView
            rows={view.commitments.map((commitment): CountryCommitmentRow => {
              const cell = cells.get(commitment.code)!;
              return {
                code: commitment.code,
                title: pickLocalized(commitment, "title", locale),
                href: path(commitmentPath(commitment.code)),
                pairHref: path(pairPath(country.code, commitment.code)),
                withdrawn: commitment.withdrawn,
                status: cell.status,
                statusWord: status(cell.status),
                score: cell.assessment === null ? null : formatScore(cell.assessment, locale),
                disagreement: cell.disagreement,
                timeliness: cell.timeliness ? t(`timeliness.${cell.timeliness}`) : null,
                dueOn: commitment.dueOn ? dualDate(new Date(`${commitment.dueOn}T00:00:00Z`)) : null,
                reportedAt: cell.reportedAt ? dualDate(cell.reportedAt) : null,
              };
            })}
            words={{
              caption: t("country.commitmentsCaption", { country: name }),
              headers: [t("columns.commitment"), t("columns.status"), t("columns.assessment"), t("columns.timeliness"), t("columns.dueDate"), t("columns.reportedAt")],
              withdrawn: t("matrix.withdrawn"),
              openPair: t("matrix.openPair"),
              disagreement: t("matrix.disagreement"),
            }}
          />
        </div>
      </section>

      <RollupTable
        id="country-themes"
        caption={t("rollups.byTheme")}
        rows={view.themes
          .filter((theme) => view.rollups.themes[theme.key])
          .map((theme) => ({ key: theme.key, name: pickLocalized(theme, "name", locale), figures: view.rollups.themes[theme.key]! }))}
      />

      <TrendChart trend={trend} locale={locale} heading={t("country.trendHeading", { country: name })} />

      <RecentActivity items={activity} countries={view.countries} locale={locale} />
    </article>
  );
}
