import { useLocale, useTranslations } from "next-intl";
import { localePath } from "@/lib/i18n/paths";

export default function NotFound() {
  const t = useTranslations("common.errors");
  const locale = useLocale();
  return (
    <section className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-stone-600">{t("notFoundBody")}</p>
      {/* A plain link: a client Link here would load with every page of the segment. */}
      <a href={localePath(locale, "/")} className="mt-6 inline-block text-brand-700 underline">
        {t("backHome")}
      </a>
    </section>
  );
}
