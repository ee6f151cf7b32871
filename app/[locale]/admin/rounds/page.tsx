import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { RoundForm } from "@/components/forms/round-form";
import { RoundReportingRates } from "@/components/rounds/round-reporting-rates";
import { SecretariatNav } from "@/components/secretariat/secretariat-nav";
import { requirePagePermission } from "@/lib/auth/page-guards";
import { canManageRounds } from "@/lib/auth/permissions";
import { listCouncilSessions } from "@/lib/data/council-sessions";
import { listRoundFigures, todayUtc } from "@/lib/data/rounds";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { isoDate } from "@/lib/validation/common";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/rounds">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "rounds" });
  return { title: t("title") };
}

export default async function RoundsPage({ params }: PageProps<"/[locale]/admin/rounds">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const actor = await requirePagePermission(locale, canManageRounds);
  const [rounds, sessions] = await Promise.all([listRoundFigures(actor), listCouncilSessions(actor)]);
  const t = await getTranslations({ locale, namespace: "rounds" });
  const today = todayUtc();
  return (
    <ClientMessages namespaces={["forms", "rounds"]}>
      <div className="space-y-10">
        <SecretariatNav current="rounds" />
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-stone-600">{t("explain")}</p>
        <section aria-labelledby="list-heading" className="space-y-3">
          <h2 id="list-heading" className="text-lg font-semibold">{t("listHeading", { count: rounds.length })}</h2>
          <RoundReportingRates actor={actor} locale={locale} rounds={rounds} withGaps />
        </section>
        <section aria-labelledby="create-heading" className="space-y-3">
          <h2 id="create-heading" className="text-lg font-semibold">{t("createHeading")}</h2>
          <RoundForm
            sessions={sessions.map((s) => ({ number: s.number, title: pickLocalized(s, "title", locale) }))}
            initial={{
              name: "",
              sessionNumber: String(sessions[0]?.number ?? ""),
              opensOn: isoDate(today),
              closesOn: isoDate(new Date(today.getTime() + 30 * 86_400_000)),
            }}
          />
        </section>
      </div>
    </ClientMessages>
  );
}
