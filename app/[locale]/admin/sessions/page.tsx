import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { DataTable } from "@/components/data-table";
import { DualDate } from "@/components/dual-date";
import { SessionForm } from "@/components/forms/session-form";
import { SecretariatNav } from "@/components/secretariat/secretariat-nav";
import { requirePagePermission } from "@/lib/auth/page-guards";
import { canManageSessions } from "@/lib/auth/permissions";
import { listCouncilSessions } from "@/lib/data/council-sessions";
import { Link } from "@/lib/i18n/navigation";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/sessions">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "secretariat.sessions" });
  return { title: t("title") };
}

export default async function SessionsPage({ params }: PageProps<"/[locale]/admin/sessions">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const actor = await requirePagePermission(locale, canManageSessions);
  const sessions = await listCouncilSessions(actor);
  const t = await getTranslations({ locale, namespace: "secretariat.sessions" });
  const next = (sessions[0]?.number ?? 0) + 1;

  return (
    <ClientMessages namespaces={["forms", "secretariat"]}>
      <div className="space-y-10">
        <SecretariatNav current="sessions" />
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <section aria-labelledby="list-heading" className="space-y-3">
          <h2 id="list-heading" className="text-lg font-semibold">{t("listHeading", { count: sessions.length })}</h2>
          <DataTable columns={[t("number"), t("session"), t("startsOn"), t("commitmentCount"), t("roundCount")]}>
            {sessions.map((session) => (
              <tr key={session.id} data-session={session.number}>
                <td className="px-3 py-2 font-mono">{session.number}</td>
                <td className="px-3 py-2">
                  <Link href={`/admin/sessions/${session.number}`} className="font-medium text-brand-700 hover:underline">
                    {pickLocalized(session, "title", locale)}
                  </Link>
                  <span className="block text-xs text-stone-500">{pickLocalized(session, "city", locale)}</span>
                </td>
                <td className="px-3 py-2"><DualDate date={session.startsOn} /></td>
                <td className="px-3 py-2 tabular-nums">{session.commitmentCount}</td>
                <td className="px-3 py-2 tabular-nums">{session.roundCount}</td>
              </tr>
            ))}
          </DataTable>
        </section>
        <section aria-labelledby="create-heading" className="space-y-4">
          <h2 id="create-heading" className="text-lg font-semibold">{t("createHeading")}</h2>
          <SessionForm
            mode="create"
            initial={{ number: String(next), cityAr: "", cityEn: "", titleAr: "", titleEn: "", startsOn: "", endsOn: "", communiqueAr: "", communiqueEn: "" }}
          />
        </section>
      </div>
    </ClientMessages>
  );
}
