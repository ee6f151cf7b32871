import { useTranslations } from "next-intl";
import { STATUS_LOOK } from "@/components/status-badge";
import type { Actor } from "@/lib/auth/actor";
import { canOpenPair } from "@/lib/auth/permissions";
import type { DashboardView } from "@/lib/data/dashboard";
import { SCORES } from "@/lib/assessment-scale";
import { localePath } from "@/lib/i18n/paths";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { NO_REPORT, STATUSES, WITHHELD } from "@/lib/status-scale";
import { commitmentPath, formatScore } from "./format";
import type { CellWords } from "./matrix-cell";
import { CELL_STATUSES, encodeCell, FILTERED_OUT } from "./matrix-codes";
import { MatrixTable, type MatrixColumn, type MatrixGroup } from "./matrix-table";
import "./dashboard.css";

// Hundreds of cells link out: plain anchors (no next/link, no prefetching each one).
const href = (locale: Locale, pathname: string, query?: Record<string, string>) =>
  localePath(locale, query ? { pathname, query } : pathname);

/**
 * The member-state × commitment matrix: rows are the commitments in view, grouped by theme;
 * columns the member states in view. It follows the page's direction (right to left in Arabic).
 * A cell links to the pair's page where that page opens for the viewer (canOpenPair).
 */
export function Matrix({ view, locale, actor }: { view: DashboardView; locale: Locale; actor: Actor }) {
  const t = useTranslations("dashboard");
  const status = useTranslations("common.status");
  const cells = new Map(view.cells.map((cell) => [`${cell.commitment} ${cell.country}`, cell]));
  const filtered = Boolean(view.query.status || view.query.disagreements || view.query.overdue);
  const rows = filtered ? view.commitments.filter((c) => view.columns.some((k) => cells.has(`${c.code} ${k.code}`))) : view.commitments;
  const groups: { theme: (typeof rows)[number]["theme"]; commitments: typeof rows }[] = [];
  for (const commitment of rows) {
    const last = groups.at(-1);
    if (last && last.theme.key === commitment.theme.key) last.commitments.push(commitment);
    else groups.push({ theme: commitment.theme, commitments: [commitment] });
  }
  const scores = Object.fromEntries(SCORES.map((score) => [score, formatScore(score, locale)])) as CellWords["score"];
  const words: CellWords = {
    status: Object.fromEntries(CELL_STATUSES.map((s) => [s, status(s)])) as CellWords["status"],
    assessment: Object.fromEntries(SCORES.map((score) => [score, t("matrix.assessment", { score: scores[`${score}`] })])) as CellWords["assessment"],
    score: scores,
    disagreement: t("matrix.disagreement"),
    overdue: t("matrix.overdue"),
    separator: locale === "ar" ? "؛ " : "; ",
  };
  const sessionNumber = String(view.session.number);
  const columns: MatrixColumn[] = view.columns.map((country) => ({
    code: country.code,
    name: pickLocalized(country, "name", locale),
    href: href(locale, `/countries/${country.code}`, { session: sessionNumber }),
  }));
  const tableGroups: MatrixGroup[] = groups.map((group) => ({
    key: group.theme.key,
    name: pickLocalized(group.theme, "name", locale),
    rows: group.commitments.map((commitment) => ({
      code: commitment.code,
      title: pickLocalized(commitment, "title", locale),
      href: href(locale, commitmentPath(commitment.code)),
      withdrawn: commitment.withdrawn,
      cells: view.columns.map((country) => {
        const cell = cells.get(`${commitment.code} ${country.code}`);
        return cell
          ? encodeCell({
              status: cell.status,
              assessment: cell.assessment,
              disagreement: cell.disagreement,
              overdue: cell.timeliness === "OVERDUE",
              opens: canOpenPair(actor, country.code, cell.status),
            })
          : FILTERED_OUT;
      }),
    })),
  }));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-stone-600" aria-label={t("matrix.legend")} role="group">
        {[...STATUSES, NO_REPORT, WITHHELD].map((s) => (
          <span key={s} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className={`inline-flex h-5 w-6 items-center justify-center rounded ring-1 ring-inset ${STATUS_LOOK[s].className}`}>
              {STATUS_LOOK[s].glyph}
            </span>
            {status(s)}
          </span>
        ))}
        <span>
          <span aria-hidden="true" className="font-bold text-rose-700">≠</span> {t("matrix.legendDisagreement")}
        </span>
        <span>
          <span aria-hidden="true" className="font-bold text-amber-700">!</span> {t("matrix.legendOverdue")}
        </span>
        <span>{t("matrix.legendScore")}</span>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4 text-stone-600">{t("matrix.noMatch")}</p>
      ) : (
        <div className="max-h-[80vh] overflow-auto rounded-lg border border-stone-200 bg-white shadow-sm">
          <MatrixTable
            locale={locale}
            columns={columns}
            groups={tableGroups}
            labels={{ caption: t("matrix.caption"), commitment: t("matrix.commitment"), withdrawn: t("matrix.withdrawn"), filteredOut: t("matrix.filteredOut") }}
            words={words}
          />
        </div>
      )}
      <p className="text-xs text-stone-500">{t("matrix.withheldNote")}</p>
    </div>
  );
}
