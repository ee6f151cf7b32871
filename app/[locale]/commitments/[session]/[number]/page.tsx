import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/page-guards";
import { DualDate } from "@/components/dual-date";
import { StatusBadge } from "@/components/status-badge";
import { FiguresSummary } from "@/components/dashboard/figures-summary";
import { formatScore, pairPath } from "@/components/dashboard/format";
import { getCommitmentByCode, type CommitmentDetail } from "@/lib/data/commitments";
import { getDashboard, type DashboardView } from "@/lib/data/dashboard";
import { detectLanguage } from "@/lib/importer/language";
import { isolate } from "@/lib/i18n/bidi";
import { localePath } from "@/lib/i18n/paths";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { CommitmentCodeParamsSchema } from "@/lib/validation/commitment";

type Props = PageProps<"/[locale]/commitments/[session]/[number]">;

async function load(params: Props["params"]): Promise<{ locale: Locale; commitment: CommitmentDetail; view: DashboardView }> {
  const { locale, ...codeParams } = (await params) as { locale: Locale; session: string; number: string };
  const actor = await requirePageUser(locale);
  const parsed = CommitmentCodeParamsSchema.safeParse(codeParams);
  const commitment = parsed.success ? await getCommitmentByCode(actor, parsed.data.code) : null;
  if (!commitment) notFound();
  const view = await getDashboard(
    actor,
    { session: commitment.session.number, disagreements: false, overdue: false },
    { commitment: commitment.code },
  );
  return { locale, commitment, view };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, commitment } = await load(params);
  return { title: `${commitment.code} — ${isolate(pickLocalized(commitment, "title", locale))}` };
}

const sourceLanguage = (text: string): { lang: string; dir: "rtl" | "ltr" } =>
  detectLanguage(text) === "ar" ? { lang: "ar", dir: "rtl" } : { lang: "en", dir: "ltr" };

export default async function CommitmentPage({ params }: Props) {
  const { locale, commitment, view } = await load(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const figures = view.rollups.commitments[commitment.code];
  const cells = new Map(view.cells.map((cell) => [cell.country, cell]));
  // Its own due date, or the one derived from the next session's opening.
  const dueOn = view.commitments[0]?.dueOn ?? null;

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <a href={localePath(locale, { pathname: "/", query: { session: String(commitment.session.number) } })} className="text-sm text-brand-700 hover:underline">
          {t("commitment.backToDashboard")}
        </a>
        <p className="font-mono text-sm text-stone-500" dir="ltr">
          {commitment.code}
        </p>
        <h1 className="text-2xl font-semibold sm:text-3xl">{pickLocalized(commitment, "title", locale)}</h1>
        <p className="text-stone-600">
          {t("commitment.theme", { theme: isolate(pickLocalized(commitment.theme, "name", locale)) })}
        </p>
        <div className="text-sm text-stone-600">
          {dueOn ? (
            <span className="flex gap-1">
              {t("commitment.dueLabel")}
              <DualDate date={new Date(`${dueOn}T00:00:00Z`)} />
            </span>
          ) : (
            t("commitment.noDueDate")
          )}
        </div>
      </header>

      <section aria-labelledby="text-heading" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="text-heading" className="text-lg font-semibold">
          {t("commitment.textHeading")}
        </h2>
        <div className="mt-3 grid gap-6 md:grid-cols-2">
          <div lang="ar" dir="rtl">
            <h3 className="text-sm font-semibold text-stone-500">{t("commitment.arabicHeading")}</h3>
            <p className="mt-1 leading-loose">{commitment.textAr}</p>
          </div>
          <div lang="en" dir="ltr">
            <h3 className="text-sm font-semibold text-stone-500">{t("commitment.translationHeading")}</h3>
            <p className="mt-1 leading-relaxed">{commitment.textEn}</p>
          </div>
        </div>
      </section>

      <section aria-labelledby="source-heading" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="source-heading" className="text-lg font-semibold">
          {t("commitment.sourceHeading")}
        </h2>
        {/* The sentence as the communiqué says it: Arabic, or English for a communiqué imported in English. */}
        <blockquote {...sourceLanguage(commitment.sourceAr)} className="mt-3 border-s-4 border-brand-600 ps-4 leading-loose">
          {commitment.sourceAr}
        </blockquote>
      </section>

      {figures ? (
        <section aria-labelledby="figures-heading" className="space-y-3">
          <h2 id="figures-heading" className="text-lg font-semibold">
            {t("commitment.figuresHeading")}
          </h2>
          <FiguresSummary figures={figures} label={t("commitment.figuresHeading")} />
        </section>
      ) : null}

      <section aria-labelledby="countries-heading" className="space-y-3">
        <h2 id="countries-heading" className="text-lg font-semibold">
          {t("commitment.countriesHeading")}
        </h2>
        <p className="text-sm text-stone-600">
          {t("commitment.summary", { reported: figures?.reportedPairs ?? 0, total: view.columns.length })}
        </p>
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-stone-200 text-sm">
            <caption className="sr-only">{t("commitment.countryColumnsCaption")}</caption>
            <thead className="bg-stone-50">
              <tr>
                <th scope="col" className="px-4 py-2 text-start font-medium">{t("columns.country")}</th>
                <th scope="col" className="px-4 py-2 text-start font-medium">{t("columns.status")}</th>
                <th scope="col" className="px-4 py-2 text-start font-medium">{t("columns.assessment")}</th>
                <th scope="col" className="px-4 py-2 text-start font-medium">{t("columns.timeliness")}</th>
                <th scope="col" className="px-4 py-2 text-start font-medium">{t("columns.reportedAt")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {view.columns.map((country) => {
                const cell = cells.get(country.code)!;
                return (
                  <tr key={country.code} data-country={country.code} data-status={cell.status}>
                    <th scope="row" className="px-4 py-2 text-start font-normal">
                      <a
                        href={localePath(locale, pairPath(country.code, commitment.code))}
                        className="text-brand-700 hover:underline"
                      >
                        {pickLocalized(country, "name", locale)}
                      </a>
                    </th>
                    <td className="px-4 py-2">
                      <StatusBadge status={cell.status} />
                    </td>
                    <td className="px-4 py-2 tabular-nums">
                      {cell.assessment === null ? "—" : <span dir="ltr">{formatScore(cell.assessment, locale)}</span>}
                      {cell.disagreement ? (
                        <span className="ms-2 text-xs font-semibold text-rose-700">
                          <span aria-hidden="true">≠ </span>
                          {t("matrix.disagreement")}
                        </span>
                      ) : null}
                    </td>
                    <td className="px-4 py-2">{cell.timeliness ? t(`timeliness.${cell.timeliness}`) : "—"}</td>
                    <td className="px-4 py-2 text-stone-600">{cell.reportedAt ? <DualDate date={cell.reportedAt} /> : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}
