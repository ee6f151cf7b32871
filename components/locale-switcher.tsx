"use client";

import { useLocale } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";

// Its words come from the server (SiteHeader): no message formatter in every page's bundle.
export function LocaleSwitcher({ label, switchTo }: { label: string; switchTo: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const other = locale === "ar" ? "en" : "ar";
  return (
    <Link
      href={pathname}
      locale={other}
      lang={other}
      hrefLang={other}
      aria-label={`${label}: ${switchTo}`}
      className="rounded border border-white/40 px-3 py-1 text-sm hover:bg-white/10"
    >
      {switchTo}
    </Link>
  );
}
