import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/page-guards";
import { DualDate } from "@/components/dual-date";
import { StatusBadge } from "@/components/status-badge";
import { listSessionCommitments } from "@/lib/data/commitments";
import { countCountries } from "@/lib/data/countries";
import { getCurrentSession } from "@/lib/data/sessions";
import { Link } from "@/lib/i18n/navigation";
import { pickLocalized } from "@/lib/i18n/localized";
import { NO_REPORT, STATUSES } from "@/lib/status-scale";
import type { Locale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "dashboard" });
  return { title: t("title") };
}

export default async function DashboardPage({ params }: PageProps<"/[locale]">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  await requirePageUser(locale);
  const t = await getTranslations({ locale, namespace: "dashboard" });
  const session = await getCurrentSession();
  if (!session) {
    return <p className="text-stone-600">{t("noSession")}</p>;
  }
  const [commitments, countryTotal] = await Promise.all([
    listSessionCommitments(session.number),
    countCountries(),
  ]);
  const columns = [...STATUSES, NO_REPORT] as const;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{t("title")}</p>
        <h1 className="text-2xl font-semibold sm:text-3xl">{pickLocalized(session, "title", locale)}</h1>
        <div className="flex flex-wrap gap-x-2 text-stone-600">
          <span>{pickLocalized(session, "city", locale)}</span>
          <span aria-hidden="true">·</span>
          <DualDate date={session.startsOn} />
        </div>
      </header>

      <section aria-labelledby="commitments-heading" className="space-y-3">
        <h2 id="commitments-heading" className="text-lg font-semibold">
          {t("commitmentsHeading")}
        </h2>
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-stone-200 text-sm">
            <caption className="px-4 py-3 text-start text-stone-600">
              {t("commitmentsCaption", { total: countryTotal })}
            </caption>
            <thead className="bg-stone-50 text-start">
              <tr>
                <th scope="col" className="px-4 py-2 text-start font-medium">{t("columns.code")}</th>
                <th scope="col" className="px-4 py-2 text-start font-medium">{t("columns.theme")}</th>
                <th scope="col" className="px-4 py-2 text-start font-medium">{t("columns.commitment")}</th>
                {columns.map((status) => (
                  <th key={status} scope="col" className="px-2 py-2 text-center font-medium">
                    <StatusBadge status={status} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {commitments.map((commitment) => {
                const [sessionNumber, number] = commitment.code.split("/");
                return (
                  <tr key={commitment.code} className="hover:bg-stone-50">
                    <td className="whitespace-nowrap px-4 py-3 font-mono" dir="ltr">{commitment.code}</td>
                    <td className="px-4 py-3 text-stone-600">{pickLocalized(commitment.theme, "name", locale)}</td>
                    <td className="px-4 py-3">
                      <Link
                        href={`/commitments/${sessionNumber}/${number}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {pickLocalized(commitment, "title", locale)}
                      </Link>
                    </td>
                    {columns.map((status) => (
                      <td key={status} className="px-2 py-3 text-center tabular-nums" data-status={status}>
                        {commitment.statusCounts[status]}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
