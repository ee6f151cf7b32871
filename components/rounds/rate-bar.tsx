import { useLocale, useTranslations } from "next-intl";
import { formatPercent } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

/** A reporting rate as a bar, with the numbers in words (never colour alone). */
export function RateBar({ reported, pairs, rate }: { reported: number; pairs: number; rate: number | null }) {
  const t = useTranslations("rounds");
  const locale = useLocale() as Locale;
  const percent = rate === null ? null : formatPercent(rate, locale);
  return (
    <div className="min-w-40 space-y-1">
      <div className="h-2 overflow-hidden rounded-full bg-stone-200" aria-hidden="true">
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${Math.round((rate ?? 0) * 100)}%` }} />
      </div>
      <p className="text-xs text-stone-600" data-testid="rate">
        {percent === null ? t("noPairs") : t("rate", { percent, reported, pairs })}
      </p>
    </div>
  );
}
