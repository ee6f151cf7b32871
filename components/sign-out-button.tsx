"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("auth");
  const locale = useLocale();
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: `/${locale}/sign-in` })}
      className="rounded border border-white/40 px-3 py-1 text-sm hover:bg-white/10"
    >
      {t("signOut")}
    </button>
  );
}
