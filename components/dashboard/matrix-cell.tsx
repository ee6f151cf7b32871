import { useTranslations } from "next-intl";
import { STATUS_LOOK } from "@/components/status-badge";
import type { MatrixCell } from "@/lib/data/dashboard";
import type { Locale } from "@/lib/i18n/routing";
import { formatScore } from "./format";

/**
 * One pair in the matrix: colour, glyph and (for screen readers and on hover) the words for its
 * status; the secretariat's assessment; a mark where the two disagree; a mark when overdue.
 */
export function MatrixCellLink({ cell, href, countryName, locale }: { cell: MatrixCell; href: string; countryName: string; locale: Locale }) {
  const t = useTranslations("dashboard.matrix");
  const status = useTranslations("common.status");
  const look = STATUS_LOOK[cell.status];
  const score = cell.assessment === null ? null : formatScore(cell.assessment, locale);
  const overdue = cell.timeliness === "OVERDUE";
  const label = [
    `${countryName} — ${cell.commitment}: ${status(cell.status)}`,
    score === null ? null : t("assessment", { score }),
    cell.disagreement ? t("disagreement") : null,
    overdue ? t("overdue") : null,
  ]
    .filter(Boolean)
    .join(locale === "ar" ? "؛ " : "; ");
  return (
    <a
      href={href}
      title={label}
      className={`flex min-w-10 items-center justify-center gap-0.5 rounded px-1 py-0.5 text-xs ring-1 ring-inset hover:ring-2 ${look.className}`}
    >
      <span aria-hidden="true">{look.glyph}</span>
      {score !== null ? (
        <span aria-hidden="true" className="tabular-nums" dir="ltr">
          {score}
        </span>
      ) : null}
      {cell.disagreement ? (
        <span aria-hidden="true" className="font-bold text-rose-700">
          ≠
        </span>
      ) : null}
      {overdue ? (
        <span aria-hidden="true" className="font-bold text-amber-700">
          !
        </span>
      ) : null}
      <span className="sr-only">{label}</span>
    </a>
  );
}
