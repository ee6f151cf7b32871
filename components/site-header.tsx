import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { NAV_ITEMS } from "@/components/nav-items";
import { SignOutButton } from "@/components/sign-out-button";
import type { Actor } from "@/lib/auth/actor";
import { countUnreadNotifications } from "@/lib/data/notifications";
import { localePath } from "@/lib/i18n/paths";
import type { Locale } from "@/lib/i18n/routing";

export async function SiteHeader({ locale, actor }: { locale: Locale; actor: Actor | null }) {
  const t = await getTranslations({ locale, namespace: "common" });
  const auth = await getTranslations({ locale, namespace: "auth" });
  const unread = actor ? await countUnreadNotifications(actor) : 0;
  return (
    <header className="border-b border-brand-800 bg-brand-700 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3 sm:px-6">
        {/* Plain links: no client navigation code on every page (the pages are server-rendered). */}
        <a href={localePath(locale, "/")} className="flex items-baseline gap-3">
          <span className="text-xl font-semibold">{t("appName")}</span>
          <span className="hidden text-sm text-brand-100 lg:inline">{t("appTagline")}</span>
        </a>
        <nav aria-label={t("nav.label")} className="flex flex-1 flex-wrap items-center gap-x-6 gap-y-1 text-sm">
          {actor
            ? NAV_ITEMS.filter((item) => item.visible(actor)).map((item) => (
                <a key={item.href} href={localePath(locale, item.href)} className="hover:underline">
                  {t(`nav.${item.label}` as "nav.dashboard")}
                </a>
              ))
            : null}
        </nav>
        <div className="flex items-center gap-3">
          {actor ? (
            <>
              <a href={localePath(locale, "/notifications")} className="text-sm hover:underline" data-testid="notifications-link"
                aria-label={t("nav.notificationsCount", { count: unread })}>
                {t("nav.notifications")}
                {unread > 0 ? (
                  <span className="ms-1 rounded-full bg-white px-1.5 py-0.5 text-xs font-semibold text-brand-800" data-testid="unread-count">
                    {unread}
                  </span>
                ) : null}
              </a>
              <a href={localePath(locale, "/account")} className="text-sm hover:underline" data-testid="current-user">
                <bdi>{actor.name}</bdi>
                <span className="ms-2 rounded bg-white/15 px-1.5 py-0.5 text-xs">
                  {t(`roles.${actor.role}`)}
                  {actor.countryCode ? ` · ${actor.countryCode}` : ""}
                </span>
              </a>
              <SignOutButton locale={locale} label={auth("signOut")} />
            </>
          ) : null}
          <LocaleSwitcher locale={locale} label={t("localeSwitcher.label")} switchTo={t("localeSwitcher.switchTo")} />
        </div>
      </div>
    </header>
  );
}
