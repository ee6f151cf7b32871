import { useTranslations } from "next-intl";
import { DualDate } from "@/components/dual-date";

type Props = {
  commitment: { dueDate: Date | null; dueDaysBeforeNextSession: number | null; effectiveDueDate: Date | null };
};

/** When a commitment falls due: a date, or N days before the next session (with the date once known). */
export function DueRule({ commitment }: Props) {
  const t = useTranslations("secretariat.commitments");
  if (commitment.dueDaysBeforeNextSession) {
    return (
      <div>
        <span className="block text-xs">{t("dueDaysShort", { days: commitment.dueDaysBeforeNextSession })}</span>
        {commitment.effectiveDueDate ? <DualDate date={commitment.effectiveDueDate} /> : <span className="text-xs text-stone-500">{t("nextSessionUnknown")}</span>}
      </div>
    );
  }
  return commitment.effectiveDueDate ? <DualDate date={commitment.effectiveDueDate} /> : <span className="text-stone-400">—</span>;
}
