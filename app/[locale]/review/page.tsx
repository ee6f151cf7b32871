import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { DualDate } from "@/components/dual-date";
import { StatusBadge } from "@/components/status-badge";
import { requirePagePermission } from "@/lib/auth/page-guards";
import { canReviewReports } from "@/lib/auth/permissions";
import { listCountries } from "@/lib/data/countries";
import { listReviewQueue } from "@/lib/data/reviews";
import { getCurrentSession } from "@/lib/data/sessions";
import { listSessionCommitments } from "@/lib/data/commitments";
import { Link } from "@/lib/i18n/navigation";
import { pickLocalized } from "@/lib/i18n/localized";
import { isolate } from "@/lib/i18n/bidi";
import type { Locale } from "@/lib/i18n/routing";
import { ReviewQueueFilterSchema } from "@/lib/validation/reports";

export async function generateMetadata({ params }: PageProps<"/[locale]/review">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "reporting.queue" });
  return { title: t("title") };
}

const selectClass = "mt-1 block rounded border border-stone-300 bg-white px-3 py-2 text-sm";

/** The secretariat's queue of submitted reports awaiting a decision, oldest first. */
export default async function ReviewQueuePage({ params, searchParams }: PageProps<"/[locale]/review">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const actor = await requirePagePermission(locale, canReviewReports);
  const raw = await searchParams;
  const filter = ReviewQueueFilterSchema.parse({
    country: typeof raw.country === "string" ? raw.country : undefined,
    commitment: typeof raw.commitment === "string" ? raw.commitment : undefined,
    theme: typeof raw.theme === "string" ? raw.theme : undefined,
  });
  const session = await getCurrentSession();
  const [queue, countries, commitments] = await Promise.all([
    listReviewQueue(actor, filter),
    listCountries(),
    session ? listSessionCommitments(session.number) : Promise.resolve([]),
  ]);
  const themes = [...new Map(commitments.map((c) => [c.theme.key, c.theme])).values()];
  const t = await getTranslations({ locale, namespace: "reporting.queue" });
  const tv = await getTranslations({ locale, namespace: "reporting.visibility" });

  return (
    <ClientMessages namespaces={[]}>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <form method="get" className="flex flex-wrap items-end gap-4" role="search" aria-label={t("filters")}>
          <label className="text-sm">
            {t("country")}
            <select name="country" defaultValue={filter.country ?? ""} className={selectClass}>
              <option value="">{t("all")}</option>
              {countries.map((c) => <option key={c.code} value={c.code}>{pickLocalized(c, "name", locale)}</option>)}
            </select>
          </label>
          <label className="text-sm">
            {t("commitment")}
            <select name="commitment" defaultValue={filter.commitment ?? ""} className={selectClass}>
              <option value="">{t("all")}</option>
              {commitments.map((c) => <option key={c.code} value={c.code}>{c.code} {isolate(pickLocalized(c, "title", locale))}</option>)}
            </select>
          </label>
          <label className="text-sm">
            {t("theme")}
            <select name="theme" defaultValue={filter.theme ?? ""} className={selectClass}>
              <option value="">{t("all")}</option>
              {themes.map((theme) => <option key={theme.key} value={theme.key}>{pickLocalized(theme, "name", locale)}</option>)}
            </select>
          </label>
          <button type="submit" className="rounded border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-50">{t("apply")}</button>
        </form>

        <p className="text-sm text-stone-600" aria-live="polite">{queue.length === 0 ? t("none") : t("count", { count: queue.length })}</p>
        {queue.length > 0 ? (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-stone-200 text-sm" data-testid="review-queue">
              <thead className="bg-stone-50">
                <tr>
                  <th scope="col" className="px-3 py-2 text-start font-medium">{t("submitted")}</th>
                  <th scope="col" className="px-3 py-2 text-start font-medium">{t("country")}</th>
                  <th scope="col" className="px-3 py-2 text-start font-medium">{t("commitment")}</th>
                  <th scope="col" className="px-3 py-2 text-start font-medium">{t("status")}</th>
                  <th scope="col" className="px-3 py-2 text-start font-medium">{t("visibility")}</th>
                  <th scope="col" className="px-3 py-2 text-start font-medium"><span className="sr-only">{t("open")}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {queue.map((item) => {
                  const [session, number] = item.commitment.code.split("/");
                  return (
                    <tr key={item.reportId} data-country={item.country.code} data-commitment={item.commitment.code}>
                      <td className="px-3 py-2"><DualDate date={item.submittedAt} withTime /></td>
                      <td className="px-3 py-2">{pickLocalized(item.country, "name", locale)}</td>
                      <td className="px-3 py-2">
                        <span className="font-mono" dir="ltr">{item.commitment.code}</span> <bdi>{pickLocalized(item.commitment, "title", locale)}</bdi>
                        <span className="block text-xs text-stone-500">{pickLocalized(item.commitment.theme, "name", locale)}</span>
                      </td>
                      <td className="px-3 py-2">
                        <span className="flex flex-wrap items-center gap-1">
                          {item.previousStatus ? <><StatusBadge status={item.previousStatus} /><span aria-hidden="true">{locale === "ar" ? "←" : "→"}</span></> : null}
                          <StatusBadge status={item.status} />
                        </span>
                        {item.resubmission ? <span className="mt-1 block text-xs text-stone-600">{t("resubmission")}</span> : null}
                      </td>
                      <td className="px-3 py-2 text-stone-600">{tv(`${item.visibility}.label`)}</td>
                      <td className="px-3 py-2">
                        <Link href={`/countries/${item.country.code}/commitments/${session}/${number}`} className="text-brand-700 underline">
                          {t("open")}
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </ClientMessages>
  );
}
