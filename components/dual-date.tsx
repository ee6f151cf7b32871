import { useLocale, useTranslations } from "next-intl";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { DualDateText } from "./dual-date-text";

/** A date in the Gregorian calendar with its Hijri (Umm al-Qura) equivalent. */
export function DualDate({ date, withTime = false }: { date: Date; withTime?: boolean }) {
  const locale = useLocale();
  const t = useTranslations("common.dates");
  const formatted = withTime ? formatDateTime(date, locale) : formatDate(date, locale);
  return <DualDateText date={formatted} hijri={t("hijri", { date: formatted.hijri })} />;
}
