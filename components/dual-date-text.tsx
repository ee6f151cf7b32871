import type { DualDate as Formatted } from "@/lib/i18n/format";

/** A date formatted on the server in both calendars; `hijri` is the whole "Hijri: …" text. */
export function DualDateText({ date, hijri }: { date: Formatted; hijri: string }) {
  return (
    <time dateTime={date.iso} title={hijri}>
      {date.gregorian}
      <span className="block text-xs text-stone-500">{hijri}</span>
    </time>
  );
}
