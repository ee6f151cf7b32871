import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <header className="border-b border-brand-800 bg-brand-700 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-baseline gap-3">
          <span className="text-xl font-semibold">{t("appName")}</span>
          <span className="hidden text-sm text-brand-100 md:inline">{t("appTagline")}</span>
        </Link>
        <nav aria-label={t("nav.label")} className="flex flex-1 items-center gap-6 text-sm">
          <Link href="/" className="hover:underline">
            {t("nav.dashboard")}
          </Link>
        </nav>
        <LocaleSwitcher />
      </div>
    </header>
  );
}
