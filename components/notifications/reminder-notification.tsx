import { useLocale, useTranslations } from "next-intl";
import { DualDate } from "@/components/dual-date";
import type { ReminderData } from "@/lib/data/reminders";
import { isolate } from "@/lib/i18n/bidi";
import { Link } from "@/lib/i18n/navigation";

/** A reminder digest in the reader's language: the country's commitments without a report in the open round(s). */
export function ReminderNotification({ data }: { data: ReminderData }) {
  const t = useTranslations("notifications.reminder");
  const locale = useLocale();
  return (
    <div className="space-y-2">
      <p className="font-medium">{t("title", { count: data.commitments.length })}</p>
      <ul className="text-sm text-stone-600">
        {data.rounds.map((round) => (
          <li key={round.id} className="flex flex-wrap gap-1">
            {t("round", { name: isolate(round.name), session: round.sessionNumber })} <DualDate date={new Date(`${round.closesOn}T00:00:00Z`)} />
          </li>
        ))}
      </ul>
      <ul className="space-y-1 text-sm" data-testid="reminder-commitments">
        {data.commitments.map((c) => {
          const [session, number] = c.code.split("/");
          const title = (locale === "ar" ? c.titleAr || c.titleEn : c.titleEn || c.titleAr) ?? "";
          return (
            <li key={c.code}>
              <Link href={`/commitments/${session}/${number}`} className="text-brand-700 hover:underline">
                <span className="font-mono" dir="ltr">{c.code}</span> — <bdi>{title}</bdi>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
