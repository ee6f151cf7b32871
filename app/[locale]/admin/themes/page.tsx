import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { ThemeForm } from "@/components/forms/theme-form";
import { SecretariatNav } from "@/components/secretariat/secretariat-nav";
import { requirePagePermission } from "@/lib/auth/page-guards";
import { canManageSessions } from "@/lib/auth/permissions";
import { listThemes } from "@/lib/data/themes";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/themes">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "secretariat.themes" });
  return { title: t("title") };
}

export default async function ThemesPage({ params }: PageProps<"/[locale]/admin/themes">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const actor = await requirePagePermission(locale, canManageSessions);
  const themes = await listThemes(actor);
  const t = await getTranslations({ locale, namespace: "secretariat.themes" });
  return (
    <ClientMessages namespaces={["forms", "secretariat"]}>
      <div className="space-y-8">
        <SecretariatNav current="themes" />
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-stone-600">{t("explain")}</p>
        <ul className="space-y-4">
          {themes.map((theme) => (
            <li key={theme.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <details>
                <summary className="cursor-pointer">
                  <bdi className="font-medium">{pickLocalized(theme, "name", locale)}</bdi>
                  <span className="ms-2 font-mono text-xs text-stone-500" dir="ltr">{theme.key}</span>
                  <span className="ms-2 text-xs text-stone-500">{t("summary", { keywords: theme.keywords.length, commitments: theme.commitmentCount })}</span>
                </summary>
                <div className="mt-4">
                  <ThemeForm theme={theme} />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <section aria-labelledby="new-theme" className="space-y-3">
          <h2 id="new-theme" className="text-lg font-semibold">{t("createHeading")}</h2>
          <ThemeForm theme={null} />
        </section>
      </div>
    </ClientMessages>
  );
}
