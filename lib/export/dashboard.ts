// The dashboard as the API publishes it: JSON and CSV of the same view, made from the data
// layer's DTO (so both follow the same visibility rules as the page).
import type { DashboardView } from "@/lib/data/dashboard";
import { toCsv, type CsvValue } from "./csv";

const isoDate = (date: Date | null) => (date ? date.toISOString() : null);

export function dashboardJson(view: DashboardView) {
  return {
    session: view.session,
    asOf: view.asOf,
    filters: {
      theme: view.query.theme ?? null,
      country: view.query.country ?? null,
      status: view.query.status ?? null,
      disagreements: view.query.disagreements,
      overdue: view.query.overdue,
    },
    countries: view.columns,
    commitments: view.commitments.map((c) => ({
      code: c.code,
      theme: c.theme.key,
      titleAr: c.titleAr,
      titleEn: c.titleEn,
      dueDate: c.dueOn,
      withdrawn: c.withdrawn,
    })),
    cells: view.cells.map((cell) => ({ ...cell, reportedAt: isoDate(cell.reportedAt) })),
    rollups: view.rollups,
  };
}

export const CSV_COLUMNS = [
  "session",
  "commitment",
  "commitment_title_ar",
  "commitment_title_en",
  "theme",
  "withdrawn",
  "due_date",
  "country",
  "country_name_ar",
  "country_name_en",
  "status",
  "assessment",
  "disagreement",
  "timeliness",
  "reported_at",
  "version",
  "review_state",
] as const;

/** One line per cell in view (the same cells as the JSON). */
export function dashboardCsv(view: DashboardView): string {
  const commitments = new Map(view.commitments.map((c) => [c.code, c]));
  const countries = new Map(view.columns.map((c) => [c.code, c]));
  const rows = view.cells.map((cell): CsvValue[] => {
    const commitment = commitments.get(cell.commitment)!;
    const country = countries.get(cell.country)!;
    return [
      view.session.number,
      cell.commitment,
      commitment.titleAr,
      commitment.titleEn,
      commitment.theme.key,
      commitment.withdrawn,
      commitment.dueOn,
      cell.country,
      country.nameAr,
      country.nameEn,
      cell.status,
      cell.assessment,
      cell.disagreement,
      cell.timeliness,
      isoDate(cell.reportedAt),
      cell.version,
      cell.reviewState,
    ];
  });
  return toCsv(CSV_COLUMNS, rows);
}
