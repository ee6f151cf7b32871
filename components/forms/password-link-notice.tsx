"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import type { PasswordLink } from "@/lib/actions/users";
import { formatDateTime } from "@/lib/i18n/format";

const subscribe = () => () => {};

/** The one-time link, shown once to the admin who issued it, to pass on to its owner. */
export function PasswordLinkNotice({ link }: { link: PasswordLink }) {
  const t = useTranslations("admin.users");
  const locale = useLocale();
  const origin = useSyncExternalStore(subscribe, () => window.location.origin, () => "");
  const url = `${origin}/${locale}/set-password/${link.token}`;
  const expires = formatDateTime(new Date(link.expiresAt), locale);
  return (
    <div className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      <p>{t("linkIssued", { expires: expires.gregorian, hijri: expires.hijri })}</p>
      <code dir="ltr" className="block break-all font-mono" data-testid="password-link">
        {url}
      </code>
    </div>
  );
}
