import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/page-guards";
import { DualDate } from "@/components/dual-date";
import { StatusBadge } from "@/components/status-badge";
import { getCommitmentByCode, type CommitmentDetail } from "@/lib/data/commitments";
import { Link } from "@/lib/i18n/navigation";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { NO_REPORT } from "@/lib/status-scale";
import { CommitmentCodeParamsSchema } from "@/lib/validation/commitment";

type Props = PageProps<"/[locale]/commitments/[session]/[number]">;

async function load(params: Props["params"]): Promise<{ locale: Locale; commitment: CommitmentDetail }> {
  const { locale, ...codeParams } = (await params) as { locale: Locale; session: string; number: string };
  const actor = await requirePageUser(locale);
  const parsed = CommitmentCodeParamsSchema.safeParse(codeParams);
  const commitment = parsed.success ? await getCommitmentByCode(actor, parsed.data.code) : null;
  if (!commitment) notFound();
  return { locale, commitment };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, commitment } = await load(params);
  return { title: `${commitment.code} — ${pickLocalized(commitment, "title", locale)}` };
}

export default async function CommitmentPage({ params }: Props) {
  const { locale, commitment } = await load(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const reported = commitment.countries.filter((c) => c.status !== NO_REPORT).length;

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <Link href="/" className="text-sm text-brand-700 hover:underline">
          {t("commitment.backToDashboard")}
        </Link>
        <p className="font-mono text-sm text-stone-500" dir="ltr">
          {commitment.code}
        </p>
        <h1 className="text-2xl font-semibold sm:text-3xl">{pickLocalized(commitment, "title", locale)}</h1>
        <p className="text-stone-600">
          {t("commitment.theme", { theme: pickLocalized(commitment.theme, "name", locale) })}
        </p>
        <div className="text-sm text-stone-600">
          {commitment.dueDate ? (
            <span className="flex gap-1">
              {t("commitment.dueLabel")}
              <DualDate date={commitment.dueDate} />
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
        <blockquote lang="ar" dir="rtl" className="mt-3 border-s-4 border-brand-600 ps-4 leading-loose">
          {commitment.sourceAr}
        </blockquote>
      </section>

      <section aria-labelledby="countries-heading" className="space-y-3">
        <h2 id="countries-heading" className="text-lg font-semibold">
          {t("commitment.countriesHeading")}
        </h2>
        <p className="text-sm text-stone-600">
          {t("commitment.summary", { reported, total: commitment.countries.length })}
        </p>
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-stone-200 text-sm">
            <caption className="sr-only">{t("commitment.countriesCaption")}</caption>
            <thead className="bg-stone-50">
              <tr>
                <th scope="col" className="px-4 py-2 text-start font-medium">{t("columns.country")}</th>
                <th scope="col" className="px-4 py-2 text-start font-medium">{t("columns.status")}</th>
                <th scope="col" className="px-4 py-2 text-start font-medium">{t("columns.reportedAt")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {commitment.countries.map(({ country, status, reportedAt }) => (
                <tr key={country.code} data-country={country.code}>
                  <th scope="row" className="px-4 py-2 text-start font-normal">
                    {pickLocalized(country, "name", locale)}
                  </th>
                  <td className="px-4 py-2">
                    <StatusBadge status={status} />
                  </td>
                  <td className="px-4 py-2 text-stone-600">{reportedAt ? <DualDate date={reportedAt} /> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}
