-- The dashboard's trend (the distribution of statuses month by month) needs only the reports
-- that changed a pair's status, not every report: a pair's history can grow without limit,
-- its status changes only a few times. This partial, covering index holds just those rows,
-- so the trend reads an index-only range per commitment whatever the length of the history.
-- Prisma's schema language cannot express a partial index; Prisma's diff leaves it alone
-- (migrate dev does not propose to drop it).
CREATE INDEX "report_status_change_idx" ON "report" ("commitment_id", "version")
  INCLUDE ("country_code", "status", "visibility", "submitted_at")
  WHERE "status" IS DISTINCT FROM "previous_status";
