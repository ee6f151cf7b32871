import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { ClientMessages } from "@/components/client-messages";
import { DataTable } from "@/components/data-table";
import { DualDate } from "@/components/dual-date";
import { RoundForm } from "@/components/forms/round-form";
import { SendRemindersForm } from "@/components/forms/send-reminders-form";
import { RateBar } from "@/components/rounds/rate-bar";
import { SecretariatNav } from "@/components/secretariat/secretariat-nav";
import type { Actor } from "@/lib/auth/actor";
import { requirePagePermission } from "@/lib/auth/page-guards";
import { canManageRounds } from "@/lib/auth/permissions";
import { getRound } from "@/lib/data/rounds";
import { isolate } from "@/lib/i18n/bidi";
import { Link } from "@/lib/i18n/navigation";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { isoDate } from "@/lib/validation/common";
import { RoundIdParamSchema } from "@/lib/validation/rounds";

type Props = PageProps<"/[locale]/admin/rounds/[id]">;

// Read once per request: the page and its metadata both need it.
const readRound = cache((actor: Actor, id: string) => getRound(actor, id));

async function load(params: Props["params"]) {
  const { locale: raw, id } = await params;
  const locale = raw as Locale;
  const actor = await requirePagePermission(locale, canManageRounds);
  const round = RoundIdParamSchema.safeParse(id).success ? await readRound(actor, id) : null;
  if (!round) notFound();
  return { locale, round };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: isolate((await load(params)).round.name) };
}

/** One round: its reporting rate, and per member state the commitments still without a report. */
export default async function RoundPage({ params }: Props) {
  const { locale, round } = await load(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "rounds" });
  const countriesMissing = round.countries.filter((c) => c.missing.length > 0);
  return (
    <ClientMessages namespaces={["forms", "rounds"]}>
      <div className="space-y-8">
        <SecretariatNav current="rounds" />
        <header className="space-y-2">
          <Link href="/admin/rounds" className="text-sm text-brand-700 hover:underline">{t("back")}</Link>
          <h1 className="text-2xl font-semibold">{round.name}</h1>
          <p className="text-stone-600">{pickLocalized(round.session, "title", locale)}</p>
          <div className="flex flex-wrap items-start gap-x-6 gap-y-2 text-sm">
            <div>{t("opensOn")}: <DualDate date={round.opensOn} /></div>
            <div>{t("closesOn")}: <DualDate date={round.closesOn} /></div>
            <div>{t("state")}: {t(`states.${round.state}`)}</div>
          </div>
          <RateBar reported={round.reported} pairs={round.pairs} rate={round.rate} />
        </header>

        <section aria-labelledby="missing-heading" className="space-y-3">
          <h2 id="missing-heading" className="text-lg font-semibold">{t("missingHeading", { count: countriesMissing.length })}</h2>
          {round.state === "open" && countriesMissing.length > 0 ? (
            <SendRemindersForm roundId={round.id} label={t("remindAll")} />
          ) : (
            <p className="text-sm text-stone-600">{round.state === "open" ? t("nothingMissing") : t("remindersOnlyOpen")}</p>
          )}
          <DataTable columns={[t("country"), t("reported"), t("missing"), t("delegates"), t("reminder")]}>
            {round.countries.map((row) => (
              <tr key={row.country.code} data-country={row.country.code}>
                <td className="px-3 py-2 align-top font-medium">{pickLocalized(row.country, "name", locale)}</td>
                <td className="px-3 py-2 align-top tabular-nums">{t("reportedOf", { reported: row.reported, total: row.reported + row.missing.length })}</td>
                <td className="px-3 py-2 align-top">
                  {row.missing.length === 0 ? (
                    <span className="text-emerald-700">{t("complete")}</span>
                  ) : (
                    <ul className="flex flex-wrap gap-1" aria-label={t("missingCodes")}>
                      {row.missing.map((c) => (
                        <li key={c.id} title={pickLocalized(c, "title", locale)} className="rounded bg-amber-50 px-1.5 py-0.5 font-mono text-xs ring-1 ring-amber-300" dir="ltr">
                          {c.code}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="px-3 py-2 align-top tabular-nums">{row.delegates}</td>
                <td className="px-3 py-2 align-top">
                  {row.remindedToday > 0 ? <span className="block text-xs text-stone-600">{t("remindedToday", { count: row.remindedToday })}</span> : null}
                  {round.state === "open" && row.missing.length > 0 && row.delegates > 0 ? (
                    <SendRemindersForm roundId={round.id} countryCode={row.country.code} label={t("remindCountry")} />
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        </section>

        <section aria-labelledby="edit-heading" className="space-y-3">
          <h2 id="edit-heading" className="text-lg font-semibold">{t("editHeading")}</h2>
          <RoundForm
            roundId={round.id}
            sessions={[]}
            initial={{ name: round.name, sessionNumber: String(round.session.number), opensOn: isoDate(round.opensOn), closesOn: isoDate(round.closesOn) }}
          />
        </section>
      </div>
    </ClientMessages>
  );
}
