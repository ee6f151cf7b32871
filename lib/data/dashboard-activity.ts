import "server-only";
// Recent activity on the dashboard: the latest reports, reviews and assessments in view that the
// viewer may read. Read from pair_status (each pair's latest report and assessment) and the
// reviews of those latest reports, so the cost is bounded by the pairs in view, not the history.
//   - a report: when the viewer may read it (canReadReport);
//   - a review: for the country's delegates and the secretariat (as on the pair page);
//   - an assessment: when the viewer may read the pair's latest report (canReadPairDetail), as
//     in the matrix. Staff read everything.
import { Prisma } from "@/generated/prisma/client";
import type { ReportStatus, ReviewDecision } from "@/generated/prisma/enums";
import { isScore, type Score } from "@/lib/assessment-scale";
import type { Actor } from "@/lib/auth/actor";
import { actorScope, canReadAllReportsOf, canReadDashboard, canReadPairDetail } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import type { DashboardQuery } from "@/lib/validation/dashboard";
import type { DashboardOptions } from "./dashboard";
import { readableSql, scopeCtes } from "./dashboard-sql";
import { keptReading } from "./snapshot-cache";

export const RECENT_ACTIVITY_LIMIT = 10;

type Pair = { commitment: string; country: string };
export type ActivityItem =
  | (Pair & { kind: "report"; at: Date; status: ReportStatus; version: number })
  | (Pair & { kind: "review"; at: Date; decision: ReviewDecision })
  | (Pair & { kind: "assessment"; at: Date; score: Score });

type Row = {
  kind: "report" | "review" | "assessment";
  code: string;
  country_code: string;
  visibility: "RESTRICTED" | "MEMBERS" | "OBSERVERS" | null;
  at: Date;
  status: ReportStatus | null;
  version: number | null;
  decision: ReviewDecision | null;
  score: number | null;
};

export async function listRecentActivity(
  actor: Actor,
  query: DashboardQuery,
  options: DashboardOptions & { limit?: number } = {},
): Promise<ActivityItem[]> {
  if (!canReadDashboard(actor)) throw new ForbiddenError();
  const limit = options.limit ?? RECENT_ACTIVITY_LIMIT;
  return keptReading(["activity", actorScope(actor), query, limit, options.commitment ?? null], () =>
    readRecentActivity(actor, query, limit, options.commitment),
  );
}

async function readRecentActivity(actor: Actor, query: DashboardQuery, limit: number, commitment: string | undefined): Promise<ActivityItem[]> {
  const readable = readableSql(actor, Prisma.sql`p.country_code`, Prisma.sql`p.visibility`);
  const rows = await db.$queryRaw<Row[]>`
    WITH ${scopeCtes({ ...query, ...(commitment ? { commitment } : {}) })},
    p AS MATERIALIZED (
      SELECT ps.*, sc.code FROM pair_status ps JOIN sc ON sc.id = ps.commitment_id
      WHERE ps.commitment_id = ANY(ARRAY(SELECT id FROM sc)) AND ps.country_code = ANY(ARRAY(SELECT code FROM k))
    )
    (SELECT 'report' AS kind, p.code, p.country_code, p.visibility::text AS visibility, p.reported_at AS at,
            p.status::text AS status, p.version, NULL AS decision, NULL::int AS score
     FROM p WHERE p.reported_at IS NOT NULL AND ${readable}
     ORDER BY p.reported_at DESC LIMIT ${limit})
    UNION ALL
    (SELECT 'review', p.code, p.country_code, p.visibility::text, v.created_at,
            NULL, NULL, v.decision::text, NULL
     FROM p JOIN review v ON v.report_id = p.latest_report_id
     WHERE ${readable}
     ORDER BY v.created_at DESC LIMIT ${limit})
    UNION ALL
    (SELECT 'assessment', p.code, p.country_code, p.visibility::text, p.assessed_at,
            NULL, NULL, NULL, p.assessment_score::int
     FROM p WHERE p.assessed_at IS NOT NULL AND (p.visibility IS NULL OR ${readable})
     ORDER BY p.assessed_at DESC LIMIT ${limit})
    ORDER BY at DESC, kind
    LIMIT ${limit}`;

  const items: ActivityItem[] = [];
  for (const row of rows) {
    // The SQL already keeps to what the viewer may read; checked again with the rule itself.
    if (!canReadPairDetail(actor, { countryCode: row.country_code, visibility: row.visibility })) continue;
    const pair = { commitment: row.code, country: row.country_code };
    if (row.kind === "report" && row.status && row.version !== null) {
      items.push({ ...pair, kind: "report", at: row.at, status: row.status, version: row.version });
    } else if (row.kind === "review" && row.decision && canReadAllReportsOf(actor, row.country_code)) {
      // Reviews stay between the country and the secretariat, as on the pair page.
      items.push({ ...pair, kind: "review", at: row.at, decision: row.decision });
    } else if (row.kind === "assessment" && isScore(row.score)) {
      items.push({ ...pair, kind: "assessment", at: row.at, score: row.score });
    }
  }
  return items;
}
