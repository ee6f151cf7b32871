import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/status-badge";
import type { Actor } from "@/lib/auth/actor";
import { listPairLineage } from "@/lib/data/lineage";
import { localePath } from "@/lib/i18n/paths";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

/**
 * On a pair's page, the same country's pairs of the earlier commitments this one continues or
 * amends (carry-over copies no history: it stays with them). Nothing when there are none.
 */
export async function PairLineage({ actor, locale, country, commitment }: { actor: Actor; locale: Locale; country: string; commitment: string }) {
  const earlier = await listPairLineage(actor, country, commitment);
  if (earlier.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "reporting.pair.lineage" });
  return (
    <section aria-labelledby="lineage-heading" className="space-y-2" data-testid="pair-lineage">
      <h2 id="lineage-heading" className="text-lg font-semibold">{t("heading")}</h2>
      <p className="text-sm text-stone-600">{t("intro")}</p>
      <ol className="space-y-1 text-sm">
        {earlier.map((entry) => {
          const [session, number] = entry.code.split("/");
          const label = (
            <>
              <span className="font-mono" dir="ltr">{entry.code}</span> <bdi>{pickLocalized(entry, "title", locale) || entry.titleAr || entry.titleEn}</bdi>
            </>
          );
          return (
            <li key={entry.id} data-commitment={entry.code} className="flex flex-wrap items-center gap-2">
              {entry.opens ? (
                <a href={localePath(locale, `/countries/${country}/commitments/${session}/${number}`)} className="text-brand-700 hover:underline">
                  {label}
                </a>
              ) : (
                <span>{label}</span>
              )}
              <StatusBadge status={entry.status} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
