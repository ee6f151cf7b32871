// The one place dates and numbers are formatted: every date in the Gregorian and the
// Hijri (Umm al-Qura) calendar, through the platform's Intl.
import type { Locale } from "./routing";

// Calendar dates are stored at UTC midnight; timestamps are shown in UTC, labelled.
const TIME_ZONE = "UTC";

export type DualDate = { gregorian: string; hijri: string; iso: string };

function dateFormat(locale: Locale, calendar: "gregory" | "islamic-umalqura", withTime: boolean) {
  return new Intl.DateTimeFormat(`${locale}-u-ca-${calendar}`, {
    dateStyle: "long",
    ...(withTime ? { timeStyle: "short" as const } : {}),
    timeZone: TIME_ZONE,
  });
}

export function formatDate(date: Date, locale: Locale): DualDate {
  return {
    gregorian: dateFormat(locale, "gregory", false).format(date),
    hijri: dateFormat(locale, "islamic-umalqura", false).format(date),
    iso: date.toISOString().slice(0, 10),
  };
}

export function formatDateTime(date: Date, locale: Locale): DualDate {
  return {
    gregorian: `${dateFormat(locale, "gregory", true).format(date)} UTC`,
    hijri: dateFormat(locale, "islamic-umalqura", false).format(date),
    iso: date.toISOString(),
  };
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatPercent(ratio: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}
