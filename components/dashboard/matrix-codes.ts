// A matrix cell as one small integer: the client table (matrix-table.tsx) receives hundreds of
// them as props, a few bytes each in the page's RSC payload instead of an element tree.
import type { Score } from "@/lib/assessment-scale";
import type { DisplayedStatus } from "@/lib/status-scale";

/** Every status a cell may show, in scale order (as STATUSES, then NO_REPORT and WITHHELD). */
export const CELL_STATUSES = [
  "NOT_STARTED",
  "LIMITED",
  "SUBSTANTIAL",
  "COMPLETE",
  "NOT_APPLICABLE",
  "NO_REPORT",
  "WITHHELD",
] as const satisfies readonly DisplayedStatus[];

export type CellState = {
  status: DisplayedStatus;
  assessment: Score | null;
  disagreement: boolean;
  overdue: boolean;
  /** The viewer may open the pair's page (it would answer 404 otherwise). */
  opens: boolean;
};

/** A cell outside the filters: shown as a dot. */
export const FILTERED_OUT = -1;

// status × 32 + (assessment + 1, or 3 for none) × 8 + disagreement × 4 + overdue × 2 + opens
export function encodeCell(cell: CellState): number {
  const status = CELL_STATUSES.indexOf(cell.status);
  if (status < 0) throw new Error(`unknown status ${cell.status}`);
  return status * 32 + (cell.assessment === null ? 3 : cell.assessment + 1) * 8 + (cell.disagreement ? 4 : 0) + (cell.overdue ? 2 : 0) + (cell.opens ? 1 : 0);
}

export function decodeCell(code: number): CellState {
  const assessment = (code >> 3) & 3;
  return {
    status: CELL_STATUSES[code >> 5]!,
    assessment: assessment === 3 ? null : ((assessment - 1) as Score),
    disagreement: (code & 4) !== 0,
    overdue: (code & 2) !== 0,
    opens: (code & 1) !== 0,
  };
}
