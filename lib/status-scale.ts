// The shared implementation scale, used everywhere: the Open Government Partnership's
// completion levels plus NOT_APPLICABLE (which needs a reason). Labels live in the
// message catalogs under `status.*`.
import { ReportStatus } from "@/generated/prisma/enums";

export { ReportStatus };

/** In scale order, from nothing done to complete; NOT_APPLICABLE last. */
export const STATUSES = [
  ReportStatus.NOT_STARTED,
  ReportStatus.LIMITED,
  ReportStatus.SUBSTANTIAL,
  ReportStatus.COMPLETE,
  ReportStatus.NOT_APPLICABLE,
] as const;

/** Share of the commitment carried out; NOT_APPLICABLE is left out of completion roll-ups. */
export const COMPLETION: Readonly<Record<ReportStatus, number | null>> = {
  NOT_STARTED: 0,
  LIMITED: 1 / 3,
  SUBSTANTIAL: 2 / 3,
  COMPLETE: 1,
  NOT_APPLICABLE: null,
};

/** What a pair with no submitted report shows. */
export const NO_REPORT = "NO_REPORT" as const;
export type StatusOrNoReport = ReportStatus | typeof NO_REPORT;
/** What a viewer sees of a report whose visibility does not reach them. */
export const WITHHELD = "WITHHELD" as const;
export type DisplayedStatus = StatusOrNoReport | typeof WITHHELD;

export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

export function needsReason(status: ReportStatus): boolean {
  return status === ReportStatus.NOT_APPLICABLE;
}
