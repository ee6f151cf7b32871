"use client";

import { useTranslations } from "next-intl";

// Unexpected errors: a generic, localised message; details stay in the server log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.errors");
  return (
    <section role="alert" className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("unexpectedTitle")}</h1>
      <p className="mt-3 text-stone-600">{t("unexpectedBody")}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800"
      >
        {t("retry")}
      </button>
    </section>
  );
}
