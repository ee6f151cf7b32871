import { useTranslations } from "next-intl";
import { STATUS_LOOK } from "@/components/status-badge";
import type { DashboardView, MatrixCell } from "@/lib/data/dashboard";
import { localePath } from "@/lib/i18n/paths";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { NO_REPORT, STATUSES, WITHHELD } from "@/lib/status-scale";
import { commitmentPath, formatScore, pairPath } from "./format";
import { PairCell, type CellWords } from "./matrix-cell";
import "./dashboard.css";

// Hundreds of cells link out: plain anchors (no client component, no prefetching each one).
const href = (locale: Locale, pathname: string, query?: Record<string, string>) =>
  localePath(locale, query ? { pathname, query } : pathname);

/**
 * The member-state × commitment matrix: rows are the commitments in view, grouped by theme;
 * columns the member states in view. It follows the page's direction (right to left in Arabic).
 * `readsAllOf`: the member states whose every report the viewer reads (their pages all open).
 */
export function Matrix({ view, locale, readsAllOf }: { view: DashboardView; locale: Locale; readsAllOf: ReadonlySet<string> }) {
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
  const width = view.columns.length + 1;
  const scores = new Map([-1, 0, 1].map((score) => [score, formatScore(score, locale)]));
  const words: CellWords = {
    status: Object.fromEntries([...STATUSES, NO_REPORT, WITHHELD].map((s) => [s, status(s)])) as CellWords["status"],
    assessment: new Map([...scores].map(([score, text]) => [score, t("matrix.assessment", { score: text })])),
    score: scores,
    disagreement: t("matrix.disagreement"),
    overdue: t("matrix.overdue"),
    separator: locale === "ar" ? "؛ " : "; ",
  };
  const sessionNumber = String(view.session.number);
  // A pair's page shows what the viewer may read of it, and is a 404 when that is nothing.
  const opens = (country: string, cell: MatrixCell) => readsAllOf.has(country) || (cell.status !== NO_REPORT && cell.status !== WITHHELD);

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
          <table className="mx-t border-separate border-spacing-0 text-sm" data-testid="matrix">
            <caption className="px-3 py-2 text-start text-stone-600">{t("matrix.caption")}</caption>
            <thead className="sticky top-0 z-10 bg-stone-50">
              <tr>
                <th scope="col" className="sticky start-0 z-20 min-w-56 bg-stone-50 px-3 py-2 text-start font-medium">
                  {t("matrix.commitment")}
                </th>
                {view.columns.map((country) => (
                  <th key={country.code} scope="col" className="px-1 py-2 text-center font-medium" data-country={country.code}>
                    <a href={href(locale, `/countries/${country.code}`, { session: sessionNumber })} className="text-brand-700 hover:underline">
                      <abbr title={pickLocalized(country, "name", locale)} className="no-underline">
                        {country.code}
                      </abbr>
                    </a>
                  </th>
                ))}
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody key={group.theme.key} data-theme={group.theme.key}>
                <tr>
                  <th scope="colgroup" colSpan={width} className="sticky start-0 bg-brand-50 px-3 py-1.5 text-start text-xs font-semibold text-brand-800">
                    {pickLocalized(group.theme, "name", locale)}
                  </th>
                </tr>
                {group.commitments.map((commitment) => (
                  <tr key={commitment.code} data-commitment={commitment.code} className={commitment.withdrawn ? "opacity-50" : undefined}>
                    <th scope="row" className="sticky start-0 z-[1] max-w-72 border-t border-stone-100 bg-white px-3 py-1.5 text-start font-normal">
                      <a href={href(locale, commitmentPath(commitment.code))} className="text-brand-700 hover:underline">
                        <span className="font-mono text-xs" dir="ltr">{commitment.code}</span>{" "}
                        <span className="line-clamp-2">{pickLocalized(commitment, "title", locale)}</span>
                      </a>
                      {commitment.withdrawn ? <span className="ms-1 text-xs text-stone-500">({t("matrix.withdrawn")})</span> : null}
                    </th>
                    {view.columns.map((country) => {
                      const cell: MatrixCell | undefined = cells.get(`${commitment.code} ${country.code}`);
                      return (
                        <td key={country.code} data-country={country.code}>
                          {cell ? (
                            <PairCell
                              cell={cell}
                              href={opens(country.code, cell) ? `/${locale}${pairPath(country.code, commitment.code)}` : null}
                              words={words}
                            />
                          ) : (
                            <span className="text-stone-300" title={t("matrix.filteredOut")}>
                              ·
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
      <p className="text-xs text-stone-500">{t("matrix.withheldNote")}</p>
    </div>
  );
}
