import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { DualDate } from "@/components/dual-date";
import { StatusBadge } from "@/components/status-badge";
import { requirePagePermission } from "@/lib/auth/page-guards";
import { canWriteReports } from "@/lib/auth/permissions";
import { listMyCountry } from "@/lib/data/history";
import { Link } from "@/lib/i18n/navigation";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { NO_REPORT } from "@/lib/status-scale";

export async function generateMetadata({ params }: PageProps<"/[locale]/my-country">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "reporting.myCountry" });
  return { title: t("title") };
}

const scoreLabel = (score: number) => (score > 0 ? `+${score}` : score < 0 ? `−${-score}` : "0");

/** A delegate's commitments: their country's current status, last report, and what the secretariat asked for. */
export default async function MyCountryPage({ params }: PageProps<"/[locale]/my-country">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const actor = await requirePagePermission(locale, canWriteReports);
  const { country, sessionNumber, items } = await listMyCountry(actor);
  const t = await getTranslations({ locale, namespace: "reporting.myCountry" });
  const tp = await getTranslations({ locale, namespace: "reporting.pair" });

  return (
    <ClientMessages namespaces={[]}>
      <div className="space-y-6">
        <header className="space-y-1">
          <p className="text-sm font-medium text-brand-700">{t("title")}</p>
          <h1 className="text-2xl font-semibold">{pickLocalized(country, "name", locale)}</h1>
          {sessionNumber ? <p className="text-stone-600">{t("session", { number: sessionNumber })}</p> : null}
        </header>
        {items.length === 0 ? <p className="text-stone-600">{t("empty")}</p> : null}
        <ul className="space-y-3" data-testid="my-commitments">
          {items.map((item) => {
            const [session, number] = item.code.split("/");
            return (
              <li key={item.code} data-commitment={item.code} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="space-y-1">
                    <Link href={`/countries/${country.code}/commitments/${session}/${number}`} className="font-medium text-brand-700 hover:underline">
                      <span className="font-mono" dir="ltr">{item.code}</span> {pickLocalized(item, "title", locale)}
                    </Link>
                    <p className="text-sm text-stone-600">{pickLocalized(item.theme, "name", locale)}</p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <StatusBadge status={item.status ?? NO_REPORT} />
                    {item.assessmentScore !== null ? (
                      <span className="rounded bg-stone-100 px-2 py-0.5" title={tp("assessed")}>
                        {tp("assessed")}: <span dir="ltr">{scoreLabel(item.assessmentScore)}</span>
                      </span>
                    ) : null}
                    {item.disagrees ? <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900" data-testid="disagreement">⚠ {t("disagrees")}</span> : null}
                    {item.hasDraft ? <span className="rounded bg-sky-100 px-2 py-0.5 text-sky-900">{t("draft")}</span> : null}
                  </div>
                </div>
                <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-3">
                  <div>
                    <dt className="text-stone-600">{t("lastReport")}</dt>
                    <dd>{item.reportedAt ? <DualDate date={item.reportedAt} /> : t("never")}</dd>
                  </div>
                  <div>
                    <dt className="text-stone-600">{tp("reviewState")}</dt>
                    <dd data-testid="review-state">{item.reviewState ? tp(`reviewStates.${item.reviewState}`) : "—"}</dd>
                  </div>
                  <div>
                    <dt className="text-stone-600">{t("due")}</dt>
                    <dd>{item.dueDate ? <DualDate date={item.dueDate} /> : "—"}</dd>
                  </div>
                </dl>
                {item.returnComment ? (
                  <div className="mt-3 rounded border border-rose-300 bg-rose-50 p-3 text-sm" data-testid="returned-notice">
                    <p className="font-medium">{t("askedFor")}</p>
                    <p className="mt-1 whitespace-pre-line" dir="auto">{item.returnComment}</p>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
    </ClientMessages>
  );
}
