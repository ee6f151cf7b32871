import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { ClientMessages } from "@/components/client-messages";
import { DataTable } from "@/components/data-table";
import { DualDate } from "@/components/dual-date";
import { CarryOverForm } from "@/components/forms/carry-over-form";
import { CommitmentForm } from "@/components/forms/commitment-form";
import { CommitmentRowActions } from "@/components/forms/commitment-row-actions";
import { SessionForm } from "@/components/forms/session-form";
import { DueRule } from "@/components/secretariat/due-rule";
import { SecretariatNav } from "@/components/secretariat/secretariat-nav";
import type { Actor } from "@/lib/auth/actor";
import { requirePagePermission } from "@/lib/auth/page-guards";
import { canManageSessions } from "@/lib/auth/permissions";
import { countCountries } from "@/lib/data/countries";
import { getCouncilSession, listCarryOverCandidates } from "@/lib/data/council-sessions";
import { listThemes } from "@/lib/data/themes";
import { Link } from "@/lib/i18n/navigation";
import { pickLocalized } from "@/lib/i18n/localized";
import { isolate } from "@/lib/i18n/bidi";
import type { Locale } from "@/lib/i18n/routing";
import { SessionNumberSchema } from "@/lib/validation/council-sessions";
import { isoDate } from "@/lib/validation/common";

type Props = PageProps<"/[locale]/admin/sessions/[number]">;

// Read once per request: the page and its metadata both need it.
const readSession = cache((actor: Actor, number: number) => getCouncilSession(actor, number));

async function load(params: Props["params"]) {
  const { locale: raw, number } = await params;
  const locale = raw as Locale;
  const actor = await requirePagePermission(locale, canManageSessions);
  const parsed = SessionNumberSchema.safeParse(number);
  const session = parsed.success && /^\d+$/.test(number) ? await readSession(actor, parsed.data) : null;
  if (!session) notFound();
  return { locale, actor, session };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, session } = await load(params);
  return { title: isolate(pickLocalized(session, "title", locale)) };
}

export default async function SessionPage({ params }: Props) {
  const { locale, actor, session } = await load(params);
  setRequestLocale(locale);
  const [themes, candidates, countryTotal] = await Promise.all([
    listThemes(actor),
    listCarryOverCandidates(actor, session.number),
    countCountries(),
  ]);
  const t = await getTranslations({ locale, namespace: "secretariat" });
  const themeOptions = themes.map((theme) => ({ key: theme.key, name: pickLocalized(theme, "name", locale) }));
  const nextPosition = Math.max(0, ...session.commitments.map((c) => Number(c.code.split("/")[1]))) + 1;

  return (
    <ClientMessages namespaces={["forms", "secretariat"]}>
      <div className="space-y-10">
        <SecretariatNav current="sessions" />
        <header className="space-y-2">
          <Link href="/admin/sessions" className="text-sm text-brand-700 hover:underline">{t("sessions.back")}</Link>
          <h1 className="text-2xl font-semibold">{pickLocalized(session, "title", locale)}</h1>
          <div className="flex flex-wrap gap-x-2 text-stone-600">
            <span>{pickLocalized(session, "city", locale)}</span>
            <span aria-hidden="true">·</span>
            <DualDate date={session.startsOn} />
            {session.endsOn ? (
              <>
                <span aria-hidden="true">–</span>
                <DualDate date={session.endsOn} />
              </>
            ) : null}
          </div>
          <p>
            <Link href={`/admin/sessions/${session.number}/import`} className="inline-block rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
              {t("import.open")}
            </Link>
          </p>
        </header>

        <section aria-labelledby="commitments-heading" className="space-y-3">
          <h2 id="commitments-heading" className="text-lg font-semibold">{t("commitments.heading", { count: session.commitments.length })}</h2>
          {session.commitments.length === 0 ? <p className="text-stone-600">{t("commitments.none")}</p> : null}
          <DataTable columns={[t("commitments.code"), t("commitments.commitment"), t("commitments.due"), t("commitments.reports"), t("commitments.actions")]}>
            {session.commitments.map((c) => {
              const title = pickLocalized(c, "title", locale);
              const otherMissing = !c.titleAr || !c.titleEn || !c.textAr || !c.textEn;
              return (
                <tr key={c.id} data-commitment={c.code} data-withdrawn={c.withdrawnAt ? "true" : undefined}
                  className={c.withdrawnAt ? "bg-stone-50 text-stone-400" : ""}>
                  <td className="whitespace-nowrap px-3 py-2 align-top font-mono" dir="ltr">{c.code}</td>
                  <td className="px-3 py-2 align-top">
                    <Link href={`/admin/commitments/${c.code}`} className="font-medium text-brand-700 hover:underline">
                      {title || (locale === "ar" ? c.titleEn : c.titleAr)}
                    </Link>
                    <span className="block text-xs text-stone-500">{pickLocalized(c.theme, "name", locale)}</span>
                    {c.previous ? (
                      <span className="block text-xs">{t(`commitments.linkShort.${c.previous.linkKind}`, { code: c.previous.code })}</span>
                    ) : null}
                    {otherMissing ? <span className="block text-xs text-amber-700">{t("commitments.translationMissing")}</span> : null}
                    {c.withdrawnAt ? (
                      <span className="block text-xs">{t("commitments.withdrawnOn", { reason: isolate(c.withdrawnReason ?? "") })}</span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 align-top"><DueRule commitment={c} /></td>
                  <td className="px-3 py-2 align-top tabular-nums">{c.reportCount}</td>
                  <td className="px-3 py-2 align-top">
                    <CommitmentRowActions commitment={{ id: c.id, code: c.code, withdrawn: c.withdrawnAt !== null, reportCount: c.reportCount }} />
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </section>

        <section aria-labelledby="add-heading" className="space-y-3">
          <h2 id="add-heading" className="text-lg font-semibold">{t("commitments.addHeading")}</h2>
          <details className="rounded-lg border border-stone-200 bg-white p-4">
            <summary className="cursor-pointer text-brand-700">{t("commitments.addSummary")}</summary>
            <div className="mt-4">
              <CommitmentForm
                target={{ sessionNumber: session.number }}
                themes={themeOptions}
                initial={{
                  code: `${session.number}/${nextPosition}`,
                  themeKey: themeOptions[0]?.key ?? "",
                  titleAr: "",
                  titleEn: "",
                  textAr: "",
                  textEn: "",
                  sourceAr: "",
                  dueRule: "none",
                  dueDate: "",
                  dueDaysBeforeNextSession: "",
                  previousCode: "",
                  linkKind: "",
                }}
              />
            </div>
          </details>
        </section>

        {candidates.length > 0 ? (
          <section aria-labelledby="carry-heading" className="space-y-3">
            <h2 id="carry-heading" className="text-lg font-semibold">{t("carryOver.heading")}</h2>
            <p className="text-sm text-stone-600">{t("carryOver.explain")}</p>
            <CarryOverForm
              sessionNumber={session.number}
              countryTotal={countryTotal}
              candidates={candidates.map((c) => ({
                id: c.id,
                code: c.code,
                title: pickLocalized(c, "title", locale) || c.titleAr || c.titleEn,
                theme: pickLocalized(c.theme, "name", locale),
                closedCount: c.closedCount,
              }))}
            />
          </section>
        ) : null}

        <section aria-labelledby="details-heading" className="space-y-3">
          <h2 id="details-heading" className="text-lg font-semibold">{t("sessions.detailsHeading")}</h2>
          <details className="rounded-lg border border-stone-200 bg-white p-4">
            <summary className="cursor-pointer text-brand-700">{t("sessions.edit")}</summary>
            <div className="mt-4">
              <SessionForm
                mode="update"
                initial={{
                  number: String(session.number),
                  cityAr: session.cityAr,
                  cityEn: session.cityEn,
                  titleAr: session.titleAr,
                  titleEn: session.titleEn,
                  startsOn: isoDate(session.startsOn),
                  endsOn: session.endsOn ? isoDate(session.endsOn) : "",
                  communiqueAr: session.communiqueAr,
                  communiqueEn: session.communiqueEn ?? "",
                }}
              />
            </div>
          </details>
        </section>
      </div>
    </ClientMessages>
  );
}
