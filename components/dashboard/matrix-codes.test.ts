import { describe, expect, it } from "vitest";
import { SCORES } from "@/lib/assessment-scale";
import { NO_REPORT, STATUSES, WITHHELD } from "@/lib/status-scale";
import { CELL_STATUSES, decodeCell, encodeCell, type CellState } from "./matrix-codes";

describe("a matrix cell as an integer", () => {
  it("knows every status a cell may show, in scale order", () => {
    expect(CELL_STATUSES).toEqual([...STATUSES, NO_REPORT, WITHHELD]);
  });

  it("reads back every combination exactly, each as a distinct non-negative integer", () => {
    const seen = new Set<number>();
    for (const status of CELL_STATUSES) {
      for (const assessment of [...SCORES, null]) {
        for (const disagreement of [false, true]) {
          for (const overdue of [false, true]) {
            for (const opens of [false, true]) {
              const cell: CellState = { status, assessment, disagreement, overdue, opens };
              const code = encodeCell(cell);
              expect(code).toBeGreaterThanOrEqual(0);
              expect(decodeCell(code)).toEqual(cell);
              seen.add(code);
            }
          }
        }
      }
    }
    expect(seen.size).toBe(CELL_STATUSES.length * 4 * 8);
  });

  it("refuses a status it does not know", () => {
    expect(() => encodeCell({ status: "DONE" as never, assessment: null, disagreement: false, overdue: false, opens: false })).toThrow();
  });
});
