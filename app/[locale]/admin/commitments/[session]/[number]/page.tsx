import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { ClientMessages } from "@/components/client-messages";
import { CommitmentForm } from "@/components/forms/commitment-form";
import { CommitmentRowActions } from "@/components/forms/commitment-row-actions";
import { DueRule } from "@/components/secretariat/due-rule";
import { SecretariatNav } from "@/components/secretariat/secretariat-nav";
import type { Actor } from "@/lib/auth/actor";
import { requirePagePermission } from "@/lib/auth/page-guards";
import { canManageSessions } from "@/lib/auth/permissions";
import { getCommitmentForEdit } from "@/lib/data/council-sessions";
import { listLineage } from "@/lib/data/lineage";
import { listThemes } from "@/lib/data/themes";
import { Link } from "@/lib/i18n/navigation";
import { pickLocalized } from "@/lib/i18n/localized";
import { isolate } from "@/lib/i18n/bidi";
import type { Locale } from "@/lib/i18n/routing";
import { CommitmentCodeParamsSchema } from "@/lib/validation/commitment";
import { isoDate } from "@/lib/validation/common";

type Props = PageProps<"/[locale]/admin/commitments/[session]/[number]">;

// Read once per request: the page and its metadata both need it.
const readCommitment = cache((actor: Actor, code: string) => getCommitmentForEdit(actor, code));

async function load(params: Props["params"]) {
  const { locale: raw, ...codeParams } = await params;
  const locale = raw as Locale;
  const actor = await requirePagePermission(locale, canManageSessions);
  const parsed = CommitmentCodeParamsSchema.safeParse(codeParams);
  const commitment = parsed.success ? await readCommitment(actor, parsed.data.code) : null;
  if (!commitment) notFound();
  return { locale, actor, commitment };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, commitment } = await load(params);
  return { title: `${commitment.code} — ${isolate(pickLocalized(commitment, "title", locale))}` };
}

export default async function EditCommitmentPage({ params }: Props) {
  const { locale, actor, commitment } = await load(params);
  setRequestLocale(locale);
  const [themes, lineage] = await Promise.all([listThemes(actor), listLineage(actor, commitment.id)]);
  const t = await getTranslations({ locale, namespace: "secretariat.commitments" });
  const [sessionNumber, number] = commitment.code.split("/");
  return (
    <ClientMessages namespaces={["forms", "secretariat"]}>
      <div className="space-y-8">
        <SecretariatNav current="sessions" />
        <header className="space-y-2">
          <Link href={`/admin/sessions/${commitment.session.number}`} className="text-sm text-brand-700 hover:underline">
            {pickLocalized(commitment.session, "title", locale)}
          </Link>
          <p className="font-mono text-sm text-stone-500" dir="ltr">{commitment.code}</p>
          <h1 className="text-2xl font-semibold">{pickLocalized(commitment, "title", locale) || commitment.titleAr || commitment.titleEn}</h1>
          {commitment.withdrawnAt ? (
            <p className="rounded bg-stone-100 px-3 py-2 text-stone-600" data-testid="withdrawn">
              {t("withdrawnOn", { reason: isolate(commitment.withdrawnReason ?? "") })}
            </p>
          ) : null}
          <div className="text-sm text-stone-600">{t("due")}: <DueRule commitment={commitment} /></div>
          <Link href={`/commitments/${sessionNumber}/${number}`} className="text-sm text-brand-700 hover:underline">{t("publicPage")}</Link>
        </header>

        <section aria-labelledby="lineage-heading" className="space-y-2">
          <h2 id="lineage-heading" className="text-lg font-semibold">{t("lineageHeading")}</h2>
          <ol className="space-y-1 text-sm" data-testid="lineage">
            {lineage.map((entry) => (
              <li key={entry.id} className={entry.id === commitment.id ? "font-semibold" : ""}>
                <span className="font-mono" dir="ltr">{entry.code}</span> — <bdi>{pickLocalized(entry, "title", locale) || entry.titleAr || entry.titleEn}</bdi>
                {entry.linkKind ? <span className="text-stone-500"> ({t(`link.${entry.linkKind}`)})</span> : null}
              </li>
            ))}
            {commitment.successors.map((s) => (
              <li key={s.code} className="text-stone-600">
                {t("successor", { code: s.code })}
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="edit-heading" className="space-y-3">
          <h2 id="edit-heading" className="text-lg font-semibold">{t("editHeading")}</h2>
          <CommitmentForm
            target={{ commitmentId: commitment.id }}
            themes={themes.map((theme) => ({ key: theme.key, name: pickLocalized(theme, "name", locale) }))}
            initial={{
              code: commitment.code,
              themeKey: commitment.theme.key,
              titleAr: commitment.titleAr,
              titleEn: commitment.titleEn,
              textAr: commitment.textAr,
              textEn: commitment.textEn,
              sourceAr: commitment.sourceAr,
              dueRule: commitment.dueDate ? "date" : commitment.dueDaysBeforeNextSession ? "daysBefore" : "none",
              dueDate: commitment.dueDate ? isoDate(commitment.dueDate) : "",
              dueDaysBeforeNextSession: commitment.dueDaysBeforeNextSession ? String(commitment.dueDaysBeforeNextSession) : "",
              previousCode: commitment.previous?.code ?? "",
              linkKind: commitment.previous?.linkKind ?? "",
            }}
          />
        </section>

        <section aria-labelledby="state-heading" className="space-y-3">
          <h2 id="state-heading" className="text-lg font-semibold">{t("stateHeading")}</h2>
          <p className="text-sm text-stone-600">{t("reportCount", { count: commitment.reportCount })}</p>
          <CommitmentRowActions
            afterDelete={`/admin/sessions/${commitment.session.number}`}
            commitment={{ id: commitment.id, code: commitment.code, withdrawn: commitment.withdrawnAt !== null, reportCount: commitment.reportCount }}
          />
        </section>
      </div>
    </ClientMessages>
  );
}
