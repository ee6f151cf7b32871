import { getTranslations } from "next-intl/server";
import { DualDate } from "@/components/dual-date";
import type { Actor } from "@/lib/auth/actor";
import { canManageRounds } from "@/lib/auth/permissions";
import { listRoundFigures, listRoundGaps, type RoundFigures, type RoundGap } from "@/lib/data/rounds";
import { pickLocalized } from "@/lib/i18n/localized";
import { localePath } from "@/lib/i18n/paths";
import type { Locale } from "@/lib/i18n/routing";
import { RateBar } from "./rate-bar";

type Props = {
  actor: Actor;
  locale: Locale;
  /** Only the rounds open today. */
  open?: boolean;
  /** Only the rounds of this council session (by number). */
  session?: number;
  /** Under each open round, the member states with commitments still without a report in it. */
  withGaps?: boolean;
  /** Figures already read by the page. */
  rounds?: RoundFigures[];
};

/**
 * Each reporting round's reporting rate: the share of (commitment × member state) pairs with a
 * report submitted within the round; with `withGaps`, which commitments each member state has not
 * reported on in the open rounds. For the dashboard and the secretariat's rounds page:
 * `<RoundReportingRates actor={actor} locale={locale} open withGaps />` (a server component).
 */
export async function RoundReportingRates({ actor, locale, open = false, session, withGaps = false, rounds }: Props) {
  const t = await getTranslations({ locale, namespace: "rounds" });
  const list = rounds ?? (await listRoundFigures(actor, { open, ...(session === undefined ? {} : { session }) }));
  if (list.length === 0) return <p className="text-sm text-stone-600">{t(open ? "noneOpen" : "none")}</p>;
  const linked = canManageRounds(actor);
  const gaps = withGaps ? await listRoundGaps(actor, list.filter((r) => r.state === "open").map((r) => r.id)) : new Map<string, RoundGap[]>();
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
                {/* A plain anchor: next-intl's Link would add its client JavaScript to the dashboard. */}
                {linked ? <a href={localePath(locale, `/admin/rounds/${round.id}`)} className="text-brand-700 hover:underline">{round.name}</a> : round.name}
              </td>
              <td className="px-3 py-2 tabular-nums">{round.session.number}</td>
              <td className="px-3 py-2"><DualDate date={round.opensOn} /></td>
              <td className="px-3 py-2"><DualDate date={round.closesOn} /></td>
              <td className="px-3 py-2">{t(`states.${round.state}`)}</td>
              <td className="px-3 py-2">
                <RateBar reported={round.reported} pairs={round.pairs} rate={round.rate} />
                {gaps.get(round.id)?.length ? (
                  <details className="mt-1 text-xs" data-testid="round-gaps">
                    <summary className="cursor-pointer text-brand-700">{t("gapsSummary", { count: gaps.get(round.id)!.length })}</summary>
                    <ul className="mt-1 space-y-0.5">
                      {gaps.get(round.id)!.map((row) => (
                        <li key={row.country.code} data-country={row.country.code}>
                          {pickLocalized(row.country, "name", locale)}:{" "}
                          <span className="font-mono" dir="ltr">{row.missing.join(" ")}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
