import { getTranslations } from "next-intl/server";
import { DualDate } from "@/components/dual-date";
import type { Actor } from "@/lib/auth/actor";
import { canManageRounds } from "@/lib/auth/permissions";
import { listRoundFigures, type RoundFigures } from "@/lib/data/rounds";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { RateBar } from "./rate-bar";

/**
 * Each reporting round's reporting rate: the share of (commitment × member state) pairs with a
 * report submitted within the round. For the dashboard (`open`: only the rounds open today) and
 * the secretariat's rounds page. A server component: `<RoundReportingRates actor={actor} locale={locale} open />`.
 */
export async function RoundReportingRates({ actor, locale, open = false, rounds }: { actor: Actor; locale: Locale; open?: boolean; rounds?: RoundFigures[] }) {
  const t = await getTranslations({ locale, namespace: "rounds" });
  const list = rounds ?? (await listRoundFigures(actor, { open }));
  if (list.length === 0) return <p className="text-sm text-stone-600">{t(open ? "noneOpen" : "none")}</p>;
  const linked = canManageRounds(actor);
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full divide-y divide-stone-200 text-sm">
        <thead className="bg-stone-50">
          <tr>
            <th scope="col" className="px-3 py-2 text-start">{t("round")}</th>
            <th scope="col" className="px-3 py-2 text-start">{t("session")}</th>
            <th scope="col" className="px-3 py-2 text-start">{t("opensOn")}</th>
            <th scope="col" className="px-3 py-2 text-start">{t("closesOn")}</th>
            <th scope="col" className="px-3 py-2 text-start">{t("state")}</th>
            <th scope="col" className="px-3 py-2 text-start">{t("reportingRate")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {list.map((round) => (
            <tr key={round.id} data-round={round.name}>
              <td className="px-3 py-2 font-medium">
                {linked ? <Link href={`/admin/rounds/${round.id}`} className="text-brand-700 hover:underline">{round.name}</Link> : round.name}
              </td>
              <td className="px-3 py-2 tabular-nums">{round.session.number}</td>
              <td className="px-3 py-2"><DualDate date={round.opensOn} /></td>
              <td className="px-3 py-2"><DualDate date={round.closesOn} /></td>
              <td className="px-3 py-2">{t(`states.${round.state}`)}</td>
              <td className="px-3 py-2"><RateBar reported={round.reported} pairs={round.pairs} rate={round.rate} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
