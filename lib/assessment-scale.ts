// The secretariat's independent assessment, on the G7/G20 Research Group's compliance scale,
// and how it is set beside the self-reported status. One home for both rules.
import type { ReportStatus } from "@/generated/prisma/enums";

export const SCORES = [-1, 0, 1] as const;
export type Score = (typeof SCORES)[number];

export function isScore(value: unknown): value is Score {
  return value === -1 || value === 0 || value === 1;
}

/**
 * The score a self-reported status claims: complete is full compliance (+1), limited or
 * substantial progress is partial (0), not started is none (−1). Not applicable claims nothing.
 */
export function impliedScore(status: ReportStatus): Score | null {
  switch (status) {
    case "COMPLETE":
      return 1;
    case "SUBSTANTIAL":
    case "LIMITED":
      return 0;
    case "NOT_STARTED":
      return -1;
    case "NOT_APPLICABLE":
      return null;
  }
}

/** Whether the assessment disagrees with the self-reported status (e.g. COMPLETE assessed 0 or −1). */
export function disagrees(status: ReportStatus | null, score: number | null): boolean {
  if (status === null || score === null) return false;
  const implied = impliedScore(status);
  return implied !== null && implied !== score;
}

/** The G7/G20 Research Group publishes average scores as a percentage: −1 → 0 %, +1 → 100 %. */
export function scoreAsPercentage(averageScore: number): number {
  return ((averageScore + 1) / 2) * 100;
}
