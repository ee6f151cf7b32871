// The one place dates and numbers are formatted: every date in the Gregorian and the
// Hijri (Umm al-Qura) calendar, through the platform's Intl.
import type { Locale } from "./routing";

// Calendar dates are stored at UTC midnight; timestamps are shown in UTC, labelled.
const TIME_ZONE = "UTC";

export type DualDate = { gregorian: string; hijri: string; iso: string };

// Building an Intl formatter costs far more than using one; a page with hundreds of figures
// would spend most of its time building them. One of each kind per locale, kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = create()));
  return formatter as T;
}

// Formatting with a kept formatter still costs microseconds, and a page formats the same numbers
// and days again and again (percentages, counts, the dates of the history): the results are kept
// too, a bounded number of them.
const results = new Map<string, string>();
const RESULTS_KEPT = 20_000;
function remembered(key: string, format: () => string): string {
  let result = results.get(key);
  if (result === undefined) {
    if (results.size >= RESULTS_KEPT) results.clear();
    results.set(key, (result = format()));
  }
  return result;
}

function dateFormat(locale: Locale, calendar: "gregory" | "islamic-umalqura", withTime: boolean) {
  return cached(
    `date ${locale} ${calendar} ${withTime}`,
    () =>
      new Intl.DateTimeFormat(`${locale}-u-ca-${calendar}`, {
        dateStyle: "long",
        ...(withTime ? { timeStyle: "short" as const } : {}),
        timeZone: TIME_ZONE,
      }),
  );
}

export function formatDate(date: Date, locale: Locale): DualDate {
  const ms = date.getTime();
  return {
    gregorian: remembered(`g ${locale} ${ms}`, () => dateFormat(locale, "gregory", false).format(date)),
    hijri: remembered(`h ${locale} ${ms}`, () => dateFormat(locale, "islamic-umalqura", false).format(date)),
    iso: date.toISOString().slice(0, 10),
  };
}

export function formatDateTime(date: Date, locale: Locale): DualDate {
  const ms = date.getTime();
  return {
    gregorian: remembered(`gt ${locale} ${ms}`, () => `${dateFormat(locale, "gregory", true).format(date)} UTC`),
    hijri: remembered(`h ${locale} ${ms}`, () => dateFormat(locale, "islamic-umalqura", false).format(date)),
    iso: date.toISOString(),
  };
}

export function formatNumber(value: number, locale: Locale): string {
  return remembered(`n ${locale} ${value}`, () => cached(`number ${locale}`, () => new Intl.NumberFormat(locale)).format(value));
}

export function formatPercent(ratio: number, locale: Locale): string {
  return remembered(`p ${locale} ${ratio}`, () =>
    cached(`percent ${locale}`, () => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 })).format(ratio),
  );
}

/** A score or an average of scores, signed: +1, 0, −0.33. */
export function formatSigned(value: number, locale: Locale): string {
  return remembered(`s ${locale} ${value}`, () =>
    cached(`signed ${locale}`, () => new Intl.NumberFormat(locale, { signDisplay: "exceptZero", maximumFractionDigits: 2 })).format(value),
  );
}

/** A file's size, in kB under a megabyte, else in MB ("12 kB", "1.5 MB"), in the locale's words. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const megabytes = bytes >= 1024 * 1024;
  const value = megabytes ? Math.round((bytes / (1024 * 1024)) * 10) / 10 : Math.max(1, Math.ceil(bytes / 1024));
  return remembered(`f ${locale} ${megabytes} ${value}`, () =>
    cached(`size ${locale} ${megabytes}`, () =>
      new Intl.NumberFormat(locale, { style: "unit", unit: megabytes ? "megabyte" : "kilobyte", unitDisplay: "short", maximumFractionDigits: 1 }),
    ).format(value),
  );
}

/** A month and its year ("Mar 2024"), in UTC. */
export function formatMonth(date: Date, locale: Locale): string {
  return remembered(`m ${locale} ${date.getTime()}`, () =>
    cached(`month ${locale}`, () => new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: TIME_ZONE })).format(date),
  );
}

/** A calendar date ("7 March 2018"), Gregorian only, in UTC. */
export function formatDay(date: Date, locale: Locale): string {
  return remembered(`d ${locale} ${date.getTime()}`, () =>
    cached(`day ${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: TIME_ZONE })).format(date),
  );
}
