import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { CommuniqueForm } from "@/components/forms/communique-form";
import { ImportReview } from "@/components/forms/import-review";
import { SecretariatNav } from "@/components/secretariat/secretariat-nav";
import { requirePagePermission } from "@/lib/auth/page-guards";
import { canManageSessions } from "@/lib/auth/permissions";
import { getCouncilSession } from "@/lib/data/council-sessions";
import { proposeFromText } from "@/lib/data/import";
import { listThemes } from "@/lib/data/themes";
import { Link } from "@/lib/i18n/navigation";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { SessionNumberSchema } from "@/lib/validation/council-sessions";

type Props = PageProps<"/[locale]/admin/sessions/[number]/import">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "secretariat.import" });
  return { title: t("title") };
}

/**
 * The communiqué importer: the session's communiqué (Arabic, or English with ?text=en) is read
 * on the server, and its proposals are reviewed in the browser before they become commitments.
 */
export default async function ImportPage({ params, searchParams }: Props) {
  const { locale: raw, number } = await params;
  const locale = raw as Locale;
  setRequestLocale(locale);
  const actor = await requirePagePermission(locale, canManageSessions);
  const parsed = SessionNumberSchema.safeParse(number);
  const session = parsed.success && /^\d+$/.test(number) ? await getCouncilSession(actor, parsed.data) : null;
  if (!session) notFound();
  const language = (await searchParams).text === "en" ? "en" : "ar";
  const text = language === "en" ? (session.communiqueEn ?? "") : session.communiqueAr;
  const [themes, result] = await Promise.all([
    listThemes(actor),
    text ? proposeFromText(actor, text) : Promise.resolve(null),
  ]);
  const t = await getTranslations({ locale, namespace: "secretariat.import" });
  const firstPosition = Math.max(0, ...session.commitments.map((c) => Number(c.code.split("/")[1]))) + 1;

  return (
    <ClientMessages namespaces={["forms", "secretariat"]}>
      <div className="space-y-8">
        <SecretariatNav current="sessions" />
        <header className="space-y-2">
          <Link href={`/admin/sessions/${session.number}`} className="text-sm text-brand-700 hover:underline">
            {pickLocalized(session, "title", locale)}
          </Link>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="max-w-3xl text-stone-600">{t("explain")}</p>
          <nav aria-label={t("languageLabel")} className="flex gap-3 text-sm">
            <Link href={`/admin/sessions/${session.number}/import`} aria-current={language === "ar" ? "page" : undefined}
              className={language === "ar" ? "font-semibold" : "text-brand-700 hover:underline"}>{t("arabicText")}</Link>
            <Link href={`/admin/sessions/${session.number}/import?text=en`} aria-current={language === "en" ? "page" : undefined}
              className={language === "en" ? "font-semibold" : "text-brand-700 hover:underline"}>{t("englishText")}</Link>
          </nav>
        </header>

        <details className="rounded-lg border border-stone-200 bg-white p-4" open={!text}>
          <summary className="cursor-pointer text-brand-700">{t(text ? "replaceText" : "pasteText")}</summary>
          <div className="mt-4">
            <CommuniqueForm sessionNumber={session.number} language={language} defaultValue={text} />
          </div>
        </details>

        {result ? (
          <>
            <ImportReview
              key={`${language}:${text.length}`}
              sessionNumber={session.number}
              text={text}
              proposals={result.proposals.map(({ start, end, kind, theme }) => ({ start, end, kind, theme }))}
              themes={themes.map((theme) => ({ key: theme.key, name: pickLocalized(theme, "name", locale), keywords: theme.keywords }))}
              firstPosition={firstPosition}
            />
            <section aria-labelledby="skipped-heading" className="space-y-2">
              <h2 id="skipped-heading" className="text-lg font-semibold">{t("skippedHeading", { count: result.skipped.length })}</h2>
              <details>
                <summary className="cursor-pointer text-sm text-brand-700">{t("showSkipped")}</summary>
                <ul className="mt-2 space-y-1 text-sm">
                  {result.skipped.map((part) => (
                    <li key={part.start} className="text-stone-600">
                      <span className="me-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs">{t(`reasons.${part.reason}`)}</span>
                      <span dir="auto">{part.text}</span>
                    </li>
                  ))}
                </ul>
              </details>
            </section>
          </>
        ) : (
          <p className="text-stone-600">{t("noText")}</p>
        )}
      </div>
    </ClientMessages>
  );
}
