import "server-only";
// The dashboard's trend: how many pairs were at each status at the end of each month. It reads
// only the reports that changed a pair's status, through a partial index
// (report_status_change_idx): a pair's status changes a few times however long its history.
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { actorScope, canReadDashboard, canSeeAggregate } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import type { StatusOrNoReport } from "@/lib/status-scale";
import { todayUtc, type DashboardOptions } from "./dashboard";
import { readableSql, scopeCtes } from "./dashboard-sql";
import { keptReading } from "./snapshot-cache";
import type { DashboardQuery } from "@/lib/validation/dashboard";

/** At most this many months, the latest. */
export const TREND_MONTHS = 120;

export type TrendMonth = {
  /** First day of the month, ISO date. */
  month: string;
  /** Pairs at each status at the end of the month; null when withheld from the viewer. */
  counts: Record<StatusOrNoReport, number> | null;
};

export type StatusTrend = { pairs: number; months: TrendMonth[] };

type Row = {
  pairs: number;
  month: string | null;
  not_started: number;
  limited: number;
  substantial: number;
  complete: number;
  not_applicable: number;
  withheld: number;
};

/**
 * The status distribution month by month, from the first status change to the month of
 * `scope.asOf`, over the commitments (not withdrawn) and member states in view. Aggregates count
 * every report; a month whose figure rests on one or two reports withheld from the viewer is
 * withheld (`canSeeAggregate`), judged on the report that set each pair's status.
 */
export async function getStatusTrend(actor: Actor, query: DashboardQuery, options: DashboardOptions = {}): Promise<StatusTrend> {
  if (!canReadDashboard(actor)) throw new ForbiddenError();
  const asOf = options.asOf ?? todayUtc();
  return keptReading(["trend", actorScope(actor), query, asOf, options.commitment ?? null], () =>
    readStatusTrend(actor, query, asOf, options.commitment),
  );
}

async function readStatusTrend(actor: Actor, query: DashboardQuery, asOf: string, commitment: string | undefined): Promise<StatusTrend> {
  const month = Prisma.sql`date_trunc('month', r.submitted_at AT TIME ZONE 'UTC')::date`;
  const rows = await db.$queryRaw<Row[]>`
    WITH ${scopeCtes({ ...query, ...(commitment ? { commitment } : {}) })},
    change AS (
      SELECT r.status::text AS status,
             ${readableSql(actor, Prisma.sql`r.country_code`, Prisma.sql`r.visibility`)} AS readable,
             ${month} AS month,
             lead(${month}) OVER (PARTITION BY r.commitment_id, r.country_code ORDER BY r.version) AS until
      FROM report r
      WHERE r.commitment_id = ANY(ARRAY(SELECT id FROM sc WHERE NOT withdrawn))
        AND r.status IS DISTINCT FROM r.previous_status
        AND r.country_code = ANY(ARRAY(SELECT code FROM k))
    ), delta AS (
      SELECT month, status, readable, 1 AS d FROM change
      UNION ALL
      SELECT until, status, readable, -1 FROM change WHERE until IS NOT NULL
    ), per_month AS (
      SELECT month,
             sum(d) FILTER (WHERE status = 'NOT_STARTED') AS not_started,
             sum(d) FILTER (WHERE status = 'LIMITED') AS limited,
             sum(d) FILTER (WHERE status = 'SUBSTANTIAL') AS substantial,
             sum(d) FILTER (WHERE status = 'COMPLETE') AS complete,
             sum(d) FILTER (WHERE status = 'NOT_APPLICABLE') AS not_applicable,
             sum(d) FILTER (WHERE NOT readable) AS withheld
      FROM delta GROUP BY month
    ), months AS (
      SELECT generate_series(
               greatest(first, (date_trunc('month', ${asOf}::date) - ${TREND_MONTHS - 1}::int * interval '1 month')::date),
               date_trunc('month', ${asOf}::date)::date,
               interval '1 month')::date AS month
      FROM (SELECT min(month) AS first FROM change) f
      WHERE first IS NOT NULL
    ), running AS (
      SELECT month,
             sum(coalesce(not_started, 0)) OVER w AS not_started,
             sum(coalesce(limited, 0)) OVER w AS limited,
             sum(coalesce(substantial, 0)) OVER w AS substantial,
             sum(coalesce(complete, 0)) OVER w AS complete,
             sum(coalesce(not_applicable, 0)) OVER w AS not_applicable,
             sum(coalesce(withheld, 0)) OVER w AS withheld
      FROM (SELECT month FROM per_month UNION SELECT month FROM months) m
      LEFT JOIN per_month USING (month)
      WINDOW w AS (ORDER BY month)
    ), pairs AS (
      SELECT ((SELECT count(*) FROM sc WHERE NOT withdrawn) * (SELECT count(*) FROM k))::int AS pairs
    )
    SELECT pairs.pairs, running.month::text AS month, not_started::int, limited::int, substantial::int, complete::int,
           not_applicable::int, withheld::int
    FROM pairs
    LEFT JOIN (running JOIN months USING (month)) ON true
    ORDER BY month`;

  const pairs = rows[0]?.pairs ?? 0;
  return {
    pairs,
    months: rows
      .filter((row): row is Row & { month: string } => row.month !== null)
      .map((row) => {
        if (!canSeeAggregate(row.withheld)) return { month: row.month, counts: null };
        const reported = row.not_started + row.limited + row.substantial + row.complete + row.not_applicable;
        return {
          month: row.month,
          counts: {
            NOT_STARTED: row.not_started,
            LIMITED: row.limited,
            SUBSTANTIAL: row.substantial,
            COMPLETE: row.complete,
            NOT_APPLICABLE: row.not_applicable,
            NO_REPORT: pairs - reported,
          },
        };
      }),
  };
}
