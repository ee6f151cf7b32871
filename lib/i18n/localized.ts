import type { Locale } from "./routing";

type Suffix = "Ar" | "En";

/** Picks `titleAr` or `titleEn` (etc.) from a record with both, by locale. */
export function pickLocalized<K extends string, T extends Record<`${K}${Suffix}`, string>>(
  record: T,
  key: K,
  locale: Locale,
): string {
  return record[`${key}${locale === "ar" ? "Ar" : "En"}` as `${K}${Suffix}`];
}
