"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";

/** The outcome of the last submission, read out by screen readers as it changes. */
export function FormStatus({ state }: { state: Pick<FormState<unknown>, "status" | "message"> }) {
  const t = useTranslations();
  // Messages are keys of the `forms` catalog ("errors.invalid"), or full keys ("auth.account.…").
  const key = [`forms.${state.message}`, state.message].find((candidate) => state.message && t.has(candidate as never));
  const text = key ? t(key as never) : state.message && state.status === "error" ? t("forms.errors.unexpected") : null;
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
