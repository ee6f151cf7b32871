"use client";

import { useMessages, useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";

/**
 * Whether a catalog message has no placeholders. Built catalogs are precompiled
 * (next.config.js): there a message with placeholders is an array, one without a plain string.
 */
export function isPlainMessage(raw: unknown): boolean {
  return typeof raw === "string" && !raw.includes("{");
}

/**
 * The outcome of the last submission, read out by screen readers as it changes. A message is a
 * key of the `forms` catalog ("errors.forbidden", "saved.session") or of another namespace
 * ("users.created" in admin, "account.passwordChanged" in auth).
 */
export function FormStatus({ state }: { state: Pick<FormState<unknown>, "status" | "message"> }) {
  const t = useTranslations();
  const namespaces = Object.keys(useMessages());
  const key = state.message;
  // A message with placeholders is shown by its form, which has the values.
  const found = key
    ? [`forms.${key}`, ...namespaces.map((ns) => `${ns}.${key}`)].find(
        (candidate) => t.has(candidate as never) && isPlainMessage(t.raw(candidate as never)),
      )
    : undefined;
  const text = found ? t(found as never) : key && state.status === "error" ? t("forms.errors.unexpected") : null;
  return (
    <p
      role={state.status === "error" ? "alert" : "status"}
      aria-live="polite"
      className={`min-h-5 text-sm ${state.status === "error" ? "text-rose-700" : "text-emerald-700"}`}
    >
      {text}
    </p>
  );
}
