"use client";

import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { TextField } from "./text-field";

type Outcome = "idle" | "pending" | "failed" | "throttled" | "unavailable";

/**
 * Email, password and — for accounts with two-factor sign-in — a code from the authenticator
 * app or a recovery code, in one step. Any failure shows the same message.
 */
export function SignInForm({ next }: { next: string | null }) {
  const t = useTranslations("auth.signIn");
  const locale = useLocale();
  const [outcome, setOutcome] = useState<Outcome>("idle");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome("pending");
    const form = new FormData(event.currentTarget);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        totp: String(form.get("totp") ?? ""),
      });
      if (result?.ok && !result.error) {
        window.location.assign(next ?? `/${locale}`);
        return;
      }
      setOutcome(result?.status === 429 ? "throttled" : result && result.status >= 500 ? "unavailable" : "failed");
    } catch {
      setOutcome("unavailable");
    }
  }

  const message =
    outcome === "failed" ? t("failed") : outcome === "throttled" ? t("throttled") : outcome === "unavailable" ? t("unavailable") : null;

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField name="email" type="email" label={t("email")} autoComplete="username" dir="ltr" required />
      <TextField name="password" type="password" label={t("password")} autoComplete="current-password" dir="ltr" required />
      <TextField name="totp" label={t("totp")} autoComplete="one-time-code" dir="ltr" hint={t("totpHint")} />
      <p role="alert" aria-live="polite" className="min-h-5 text-sm text-rose-700">
        {message}
      </p>
      <button type="submit" disabled={outcome === "pending"}
        className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {outcome === "pending" ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
