"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";

export function LocaleSwitcher() {
  const t = useTranslations("common.localeSwitcher");
  const locale = useLocale();
  const pathname = usePathname();
  const other = locale === "ar" ? "en" : "ar";
  return (
    <Link
      href={pathname}
      locale={other}
      lang={other}
      hrefLang={other}
      aria-label={`${t("label")}: ${t("switchTo")}`}
      className="rounded border border-white/40 px-3 py-1 text-sm hover:bg-white/10"
    >
      {t("switchTo")}
    </Link>
  );
}
