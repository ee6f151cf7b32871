import { useLocale, useTranslations } from "next-intl";
import { formatDate, formatDateTime } from "@/lib/i18n/format";

/** A date in the Gregorian calendar with its Hijri (Umm al-Qura) equivalent. */
export function DualDate({ date, withTime = false }: { date: Date; withTime?: boolean }) {
  const locale = useLocale();
  const t = useTranslations("common.dates");
  const formatted = withTime ? formatDateTime(date, locale) : formatDate(date, locale);
  return (
    <time dateTime={formatted.iso} title={t("hijri", { date: formatted.hijri })}>
      {formatted.gregorian}
      <span className="block text-xs text-stone-500">{t("hijri", { date: formatted.hijri })}</span>
    </time>
  );
}
