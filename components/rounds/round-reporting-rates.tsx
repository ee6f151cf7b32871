import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { DualDate } from "@/components/dual-date";
import type { Actor } from "@/lib/auth/actor";
import { canManageRounds } from "@/lib/auth/permissions";
import { listRoundGaps, type RoundFigures, type RoundGap } from "@/lib/data/rounds";
import { pickLocalized } from "@/lib/i18n/localized";
import { localePath } from "@/lib/i18n/paths";
import type { Locale } from "@/lib/i18n/routing";
import { RateBar } from "./rate-bar";

type Props = {
  actor: Actor;
  locale: Locale;
  /** The rounds to show, with their figures (listRoundFigures). */
  rounds: RoundFigures[];
  /** Under each open round, the member states with commitments still without a report in it. */
  withGaps?: boolean;
};

/**
 * Each reporting round's reporting rate: the share of (commitment × member state) pairs with a
 * report submitted within the round; with `withGaps`, which commitments each member state has not
 * reported on in the open rounds. For the dashboard and the secretariat's rounds page (a server
 * component).
 */
export async function RoundReportingRates({ actor, locale, rounds: list, withGaps = false }: Props) {
  const t = await getTranslations({ locale, namespace: "rounds" });
  if (list.length === 0) return <p className="text-sm text-stone-600">{t("none")}</p>;
  const linked = canManageRounds(actor);
  const gaps = withGaps ? await listRoundGaps(actor, list.filter((r) => r.state === "open").map((r) => r.id)) : new Map<string, RoundGap[]>();
  return (
    <DataTable columns={[t("round"), t("session"), t("opensOn"), t("closesOn"), t("state"), t("reportingRate")]}>
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
    </DataTable>
  );
}
