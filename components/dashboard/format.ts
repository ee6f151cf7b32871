// Number formats of the dashboard's figures (on top of lib/i18n/format.ts).
import { formatPercent, formatSigned } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

/** An assessment score or average, signed: +1, 0, −0.33. */
export function formatScore(score: number, locale: Locale): string {
  return formatSigned(score, locale);
}

/** A share (0…1) as a whole percentage, or a dash. */
export function formatShare(share: number | null, locale: Locale): string {
  return share === null ? "—" : formatPercent(share, locale);
}

/** A percentage already on the 0…100 scale. */
export function formatPercentage(percent: number | null, locale: Locale): string {
  return percent === null ? "—" : formatPercent(percent / 100, locale);
}

/** "35/6" → the path segments of its pages: /commitments/35/6. */
export function commitmentPath(code: string): string {
  return `/commitments/${code}`;
}

/** The page of one (member state, commitment) pair. */
export function pairPath(country: string, code: string): string {
  return `/countries/${country}/commitments/${code}`;
}
