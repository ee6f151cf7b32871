import "server-only";
// SQL fragments shared by the dashboard's queries. The rules they encode — which score a status
// claims, what a status counts towards completion, who may read a report — are generated from
// (or mirror) their one home in TypeScript, and tests check that both sides agree.
import { Prisma } from "@/generated/prisma/client";
import { impliedScore } from "@/lib/assessment-scale";
import type { Actor } from "@/lib/auth/actor";
import { canReadAllReportsOf, readableVisibilities } from "@/lib/auth/permissions";
import { COMPLETION, STATUSES } from "@/lib/status-scale";

/** The score a status claims (lib/assessment-scale.ts `impliedScore`), for a status column. */
export function impliedScoreSql(status: Prisma.Sql): Prisma.Sql {
  const arms = STATUSES.map((s) => Prisma.sql`WHEN ${s} THEN ${impliedScore(s)}::int`);
  return Prisma.sql`(CASE ${status}::text ${Prisma.join(arms, " ")} END)`;
}

/** `disagrees(status, score)` of lib/assessment-scale.ts: false unless both sides exist and differ. */
export function disagreesSql(status: Prisma.Sql, score: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce(${impliedScoreSql(status)} <> ${score}, false)`;
}

/** A status's share of completion (lib/status-scale.ts `COMPLETION`); NULL for NOT_APPLICABLE and no report. */
export function completionSql(status: Prisma.Sql): Prisma.Sql {
  const arms = STATUSES.map((s) => Prisma.sql`WHEN ${s} THEN ${COMPLETION[s]}::float8`);
  return Prisma.sql`(CASE ${status}::text ${Prisma.join(arms, " ")} END)`;
}

/**
 * Whether `actor` may read a report of `country` with `visibility` — `canReadReport` of
 * lib/auth/permissions.ts in SQL, built from the same permission functions.
 */
export function readableSql(actor: Actor, country: Prisma.Sql, visibility: Prisma.Sql): Prisma.Sql {
  const ownCountries = actor.countryCode && canReadAllReportsOf(actor, actor.countryCode) ? [actor.countryCode] : [];
  const visibilities: string[] = readableVisibilities(actor);
  return Prisma.sql`(${country} = ANY(${ownCountries}::text[]) OR ${visibility}::text = ANY(${visibilities}::text[]))`;
}

/**
 * A pair's timeliness against its commitment's due date, judged on `asOf`: a COMPLETE pair was
 * completed on time or late (by `completed_at`, or its latest report when that is missing);
 * any other pair, reported or not, is overdue once the due date has passed and on track
 * until then. NOT_APPLICABLE pairs, withdrawn commitments and commitments without a due date
 * have none.
 */
export function timelinessSql(columns: {
  status: Prisma.Sql;
  completedAt: Prisma.Sql;
  reportedAt: Prisma.Sql;
  dueOn: Prisma.Sql;
  withdrawn: Prisma.Sql;
  asOf: string;
}): Prisma.Sql {
  const { status, completedAt, reportedAt, dueOn, withdrawn, asOf } = columns;
  return Prisma.sql`(CASE
    WHEN ${withdrawn} OR ${dueOn} IS NULL OR ${status}::text = 'NOT_APPLICABLE' THEN NULL
    WHEN ${status}::text = 'COMPLETE' THEN
      CASE WHEN (coalesce(${completedAt}, ${reportedAt}) AT TIME ZONE 'UTC')::date <= ${dueOn} THEN 'COMPLETED_ON_TIME'
           ELSE 'COMPLETED_LATE' END
    WHEN ${dueOn} < ${asOf}::date THEN 'OVERDUE'
    ELSE 'ON_TRACK'
  END)`;
}

/** What a dashboard statement covers: a session (default: the latest), narrowed by theme, member state or commitment. */
export type ScopeInput = { session?: number; theme?: string; country?: string; commitment?: string };

/**
 * The common table expressions every dashboard statement starts with:
 *   s   the session, with the day the next one opens;
 *   cm  all its commitments, with theme and due date (`due_on`);
 *   sc  the commitments in view (theme, commitment);
 *   k   the member states in view.
 * The session's pairs are then read with `commitment_id = ANY(ARRAY(SELECT id FROM sc))`: one
 * range of pair_status's primary key per commitment. A plain join lets the planner hash all of
 * pair_status once a sequential scan looks cheap, and the cost then grows with every session.
 */
export function scopeCtes(scope: ScopeInput): Prisma.Sql {
  const session = scope.session ?? null;
  const theme = scope.theme ?? null;
  const country = scope.country ?? null;
  const commitment = scope.commitment ?? null;
  return Prisma.sql`
    s AS MATERIALIZED (
      SELECT x.id, x.number, x.title_ar, x.title_en, x.city_ar, x.city_en, x.starts_on,
             (SELECT n.starts_on FROM council_session n WHERE n.number > x.number ORDER BY n.number LIMIT 1) AS next_starts_on
      FROM council_session x
      WHERE x.number = coalesce(${session}::int, (SELECT max(number) FROM council_session))
    ), cm AS MATERIALIZED (
      SELECT c.id, c.code, c.sort_order, c.title_ar, c.title_en, c.withdrawn_at IS NOT NULL AS withdrawn,
             t.key AS theme_key, t.name_ar AS theme_name_ar, t.name_en AS theme_name_en, t.sort_order AS theme_order,
             coalesce(c.due_date, s.next_starts_on - c.due_days_before_next_session) AS due_on
      FROM s JOIN commitment c ON c.session_id = s.id JOIN theme t ON t.id = c.theme_id
    ), sc AS MATERIALIZED (
      SELECT * FROM cm
      WHERE (${theme}::text IS NULL OR theme_key = ${theme}::text) AND (${commitment}::text IS NULL OR code = ${commitment}::text)
    ), k AS MATERIALIZED (
      SELECT code, name_ar, name_en, sort_order FROM country WHERE ${country}::text IS NULL OR code = ${country}::text
    )`;
}
