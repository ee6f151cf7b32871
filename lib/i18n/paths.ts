// Localised paths for Server Components, without next-intl's createNavigation: importing that
// module puts its client Link (and next/link) into the JavaScript of every page that imports it,
// rendered or not. Every path has its locale prefix (routing: localePrefix "always"), so a
// path is `/{locale}{pathname}`; lib/i18n/paths.test.ts checks it against next-intl's getPathname.
import { redirect } from "next/navigation";
import type { Locale } from "./routing";

export type Href = string | { pathname: string; query?: Record<string, string> };

export function localePath(locale: Locale, href: Href): string {
  const pathname = typeof href === "string" ? href : href.pathname;
  const query = typeof href === "string" ? "" : new URLSearchParams(href.query ?? {}).toString();
  return `/${locale}${pathname === "/" ? "" : pathname}${query ? `?${query}` : ""}`;
}

export function localeRedirect(locale: Locale, href: Href): never {
  redirect(localePath(locale, href));
}
