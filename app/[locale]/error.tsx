"use client";

import { useParams } from "next/navigation";
import ar from "@/lib/i18n/messages/ar/common.json";
import en from "@/lib/i18n/messages/en/common.json";

// Unexpected errors: a generic, localised message; details stay in the server log. Its words are
// read from the catalogs directly: the layout sends no messages to the browser (see
// components/client-messages.tsx), and next-intl's client would weigh on every page.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale: string }>();
  const t = (locale === "en" ? en : ar).errors;
  return (
    <section role="alert" className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold">{t.unexpectedTitle}</h1>
      <p className="mt-3 text-stone-600">{t.unexpectedBody}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800"
      >
        {t.retry}
      </button>
    </section>
  );
}
