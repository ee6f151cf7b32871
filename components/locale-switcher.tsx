"use client";

import { usePathname } from "next/navigation";
import type { Locale } from "@/lib/i18n/routing";

// The same page in the other language, filters (the query string) included. A plain link: the
// header ships no client navigation code to every page. Its locale and words come from the server.
export function LocaleSwitcher({ locale, label, switchTo }: { locale: Locale; label: string; switchTo: string }) {
  const other = locale === "ar" ? "en" : "ar";
  const pathname = usePathname();
  const href = /^\/(ar|en)(\/|$)/.test(pathname) ? pathname.replace(/^\/(ar|en)/, `/${other}`) : `/${other}`;
  return (
    <a
      href={href}
      onClick={(event) => {
        event.currentTarget.search = window.location.search;
      }}
      lang={other}
      hrefLang={other}
      aria-label={`${label}: ${switchTo}`}
      className="rounded border border-white/40 px-3 py-1 text-sm hover:bg-white/10"
    >
      {switchTo}
    </a>
  );
}
