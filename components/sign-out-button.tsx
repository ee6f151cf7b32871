"use client";

import type { Locale } from "@/lib/i18n/routing";

// Signs out the way next-auth's `signOut()` does — the CSRF token, then a POST to its sign-out
// endpoint — without bundling next-auth's client (14 kB gzipped on every page).
async function signOut(callbackUrl: string) {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  window.location.href = url ?? callbackUrl;
}

/** Locale and label come from the server (SiteHeader): no next-intl client code in every page's bundle. */
export function SignOutButton({ locale, label }: { locale: Locale; label: string }) {
  return (
    <button
      type="button"
      onClick={() => void signOut(`/${locale}/sign-in`)}
      className="rounded border border-white/40 px-3 py-1 text-sm hover:bg-white/10"
    >
      {label}
    </button>
  );
}
