import "server-only";
// Reporting rounds: a window (opensOn..closesOn, calendar days in UTC) in which member states
// report on a session's commitments. A (commitment, country) pair counts as reported in a round
// when at least one report of it was submitted within the window — counted by submittedAt, so
// that it holds whether or not report.roundId was set. Withdrawn commitments are left out.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { canManageRounds, canReadDashboard } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { CreateRoundInput, UpdateRoundInput } from "@/lib/validation/rounds";
import { appendAudit } from "./audit";
import { auditJson } from "./audit-json";
import { listCountries, type CountrySummary } from "./countries";
import { keptReading } from "./snapshot-cache";

export type RoundState = "upcoming" | "open" | "closed";

export type RoundFigures = {
  id: string;
  name: string;
  opensOn: Date;
  closesOn: Date;
  state: RoundState;
  session: { number: number; titleAr: string; titleEn: string };
  /** Active (not withdrawn) commitments of the session × member states. */
  pairs: number;
  /** Pairs with at least one report submitted within the round. */
  reported: number;
  /** reported / pairs, or null when the session has no active commitment. */
  rate: number | null;
};

/** Today's date in UTC, as DATE columns hold it. */
export function todayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function roundState(round: { opensOn: Date; closesOn: Date }, today = todayUtc()): RoundState {
  if (today < round.opensOn) return "upcoming";
  if (today > round.closesOn) return "closed";
  return "open";
}

function requireRoundReader(actor: Actor) {
  if (!canReadDashboard(actor)) throw new ForbiddenError();
}

function requireRoundManager(actor: Actor) {
  if (!canManageRounds(actor)) throw new ForbiddenError("only the secretariat manages reporting rounds");
}

type FigureRow = { id: string; commitments: number; countries: number; reported: number };

/** Reporting figures of rounds, computed in SQL from the report history's (submitted_at) index. */
async function figuresOf(roundIds: string[]): Promise<Map<string, FigureRow>> {
  if (roundIds.length === 0) return new Map();
  const rows = await db.$queryRaw<FigureRow[]>`
    SELECT r.id::text AS id,
      (SELECT count(*) FROM commitment c WHERE c.session_id = r.session_id AND c.withdrawn_at IS NULL)::int AS commitments,
      (SELECT count(*) FROM country)::int AS countries,
      -- One probe per pair (LATERAL … LIMIT 1 on report's (commitment, country, submitted_at)
      -- index): the cost follows the session's pairs, not the length of the history.
      (SELECT count(*)
       FROM commitment c CROSS JOIN country k
       CROSS JOIN LATERAL (
         SELECT 1 FROM report rp
         WHERE rp.commitment_id = c.id AND rp.country_code = k.code
           AND rp.submitted_at >= (r.opens_on::timestamp AT TIME ZONE 'UTC')
           AND rp.submitted_at < ((r.closes_on + 1)::timestamp AT TIME ZONE 'UTC')
         LIMIT 1
       ) hit
       WHERE c.session_id = r.session_id AND c.withdrawn_at IS NULL)::int AS reported
    FROM reporting_round r
    WHERE r.id = ANY(${roundIds}::uuid[])`;
  return new Map(rows.map((row) => [row.id, row]));
}

const roundSelect = {
  id: true,
  name: true,
  opensOn: true,
  closesOn: true,
  session: { select: { number: true, titleAr: true, titleEn: true } },
} as const;

type RoundRow = { id: string; name: string; opensOn: Date; closesOn: Date; session: RoundFigures["session"] };

function withFigures(round: RoundRow, figures: FigureRow | undefined, today: Date): RoundFigures {
  const pairs = (figures?.commitments ?? 0) * (figures?.countries ?? 0);
  const reported = figures?.reported ?? 0;
  return { ...round, state: roundState(round, today), pairs, reported, rate: pairs === 0 ? null : reported / pairs };
}

/** Rounds with their reporting rates, the latest first; `open` keeps only the rounds open today. */
export async function listRoundFigures(actor: Actor, options: { open?: boolean } = {}): Promise<RoundFigures[]> {
  requireRoundReader(actor);
  const today = todayUtc();
  // The same for every reader of rounds.
  return keptReading(["round figures", today, options.open ?? false], async () => {
    const rounds = await db.reportingRound.findMany({
      where: options.open ? { opensOn: { lte: today }, closesOn: { gte: today } } : {},
      orderBy: [{ opensOn: "desc" }, { createdAt: "desc" }],
      select: roundSelect,
    });
    const figures = await figuresOf(rounds.map((r) => r.id));
    return rounds.map((round) => withFigures(round, figures.get(round.id), today));
  });
}

export type MissingCommitment = { id: string; code: string; titleAr: string; titleEn: string };

export type CountryProgress = {
  country: CountrySummary;
  reported: number;
  missing: MissingCommitment[];
  /** Active delegates of the country, and how many of them had today's reminder already. */
  delegates: number;
  remindedToday: number;
};

export type RoundDetail = RoundFigures & { countries: CountryProgress[] };

/** One round: its figures and, per member state, the commitments without a report in it. */
export async function getRound(actor: Actor, roundId: string): Promise<RoundDetail | null> {
  requireRoundReader(actor);
  if (!z.uuid().safeParse(roundId).success) return null;
  const round = await db.reportingRound.findUnique({ where: { id: roundId }, select: { ...roundSelect, sessionId: true } });
  if (!round) return null;
  const today = todayUtc();
  const { sessionId, ...summary } = round;
  const [figures, countries, commitments, missingPairs, delegates, reminded] = await Promise.all([
    figuresOf([roundId]),
    listCountries(),
    db.commitment.findMany({
      where: { sessionId, withdrawnAt: null },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, code: true, titleAr: true, titleEn: true },
    }),
    missingPairsOf(roundId),
    db.user.groupBy({
      by: ["countryCode"],
      where: { role: "DELEGATE", deactivatedAt: null },
      _count: { _all: true },
    }),
    db.reminderDigest.findMany({
      where: { sentOn: today, user: { role: "DELEGATE" } },
      select: { user: { select: { countryCode: true } } },
    }),
  ]);
  const commitmentById = new Map(commitments.map((c) => [c.id, c]));
  const missingByCountry = new Map<string, MissingCommitment[]>();
  for (const pair of missingPairs) {
    const commitment = commitmentById.get(pair.commitmentId);
    if (!commitment) continue;
    const list = missingByCountry.get(pair.countryCode) ?? [];
    list.push(commitment);
    missingByCountry.set(pair.countryCode, list);
  }
  const delegatesBy = new Map(delegates.map((d) => [d.countryCode, d._count._all]));
  const remindedBy = new Map<string, number>();
  for (const digest of reminded) {
    const code = digest.user.countryCode;
    if (code) remindedBy.set(code, (remindedBy.get(code) ?? 0) + 1);
  }
  const order = new Map(commitments.map((c, i) => [c.id, i]));
  return {
    ...withFigures(summary, figures.get(roundId), today),
    countries: countries.map((country) => {
      const missing = (missingByCountry.get(country.code) ?? []).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      return {
        country,
        reported: commitments.length - missing.length,
        missing,
        delegates: delegatesBy.get(country.code) ?? 0,
        remindedToday: remindedBy.get(country.code) ?? 0,
      };
    }),
  };
}

export type RoundGap = { country: CountrySummary; missing: string[] };

/**
 * Every (round r, commitment c, member state k) of the round's session, with `hit.found` null
 * where no report was submitted within the round's dates: the one definition of a gap.
 */
const ROUND_PAIRS = Prisma.sql`reporting_round r
    JOIN commitment c ON c.session_id = r.session_id AND c.withdrawn_at IS NULL
    CROSS JOIN country k
    LEFT JOIN LATERAL (
      SELECT 1 AS found FROM report rp
      WHERE rp.commitment_id = c.id AND rp.country_code = k.code
        AND rp.submitted_at >= (r.opens_on::timestamp AT TIME ZONE 'UTC')
        AND rp.submitted_at < ((r.closes_on + 1)::timestamp AT TIME ZONE 'UTC')
      LIMIT 1
    ) hit ON true`;

/**
 * For each of the rounds, the member states with commitments still without a report in it, in
 * protocol order, and those commitments' codes in session order: what the dashboard shows under
 * the open rounds, in one query for all of them (getRound reads a round's every detail).
 */
export async function listRoundGaps(actor: Actor, roundIds: string[]): Promise<Map<string, RoundGap[]>> {
  requireRoundReader(actor);
  const ids = roundIds.filter((id) => z.uuid().safeParse(id).success);
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ roundId: string; code: string; nameAr: string; nameEn: string; missing: string[] }[]>`
    SELECT r.id::text AS "roundId", k.code, k.name_ar AS "nameAr", k.name_en AS "nameEn",
           array_agg(c.code ORDER BY c.sort_order, c.code) AS missing
    FROM ${ROUND_PAIRS}
    WHERE r.id = ANY(${ids}::uuid[]) AND hit.found IS NULL
    GROUP BY r.id, k.code, k.name_ar, k.name_en, k.sort_order
    ORDER BY k.sort_order`;
  const gaps = new Map<string, RoundGap[]>(ids.map((id) => [id, []]));
  for (const { roundId, code, nameAr, nameEn, missing } of rows) gaps.get(roundId)!.push({ country: { code, nameAr, nameEn }, missing });
  return gaps;
}

/** The (commitment, country) pairs of the round's session with no report submitted within it. */
export async function missingPairsOf(roundId: string, countryCode?: string): Promise<{ commitmentId: string; countryCode: string }[]> {
  return db.$queryRaw<{ commitmentId: string; countryCode: string }[]>`
    SELECT c.id::text AS "commitmentId", k.code AS "countryCode"
    FROM ${ROUND_PAIRS}
    WHERE r.id = ${roundId}::uuid
      AND (${countryCode ?? null}::text IS NULL OR k.code = ${countryCode ?? null}::text)
      AND hit.found IS NULL
    ORDER BY k.sort_order, c.sort_order, c.code`;
}

export async function createRound(actor: Actor, input: CreateRoundInput, ip: string | null): Promise<{ id: string }> {
  requireRoundManager(actor);
  return db.$transaction(async (tx) => {
    const session = await tx.councilSession.findUnique({ where: { number: input.sessionNumber }, select: { id: true } });
    if (!session) throw new NotFoundError("session");
    const data = { name: input.name, opensOn: input.opensOn, closesOn: input.closesOn };
    const round = await tx.reportingRound.create({
      data: { ...data, sessionId: session.id, createdById: actor.id },
      select: { id: true },
    });
    await appendAudit(tx, {
      actor,
      action: "round.created",
      targetType: "round",
      targetId: round.id,
      after: auditJson({ sessionNumber: input.sessionNumber, ...data }),
      ip,
    });
    return round;
  });
}

/** Renames a round or moves its dates (e.g. closes it early or extends it). */
export async function updateRound(actor: Actor, input: UpdateRoundInput, ip: string | null): Promise<void> {
  requireRoundManager(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.reportingRound.findUnique({
      where: { id: input.roundId },
      select: { name: true, opensOn: true, closesOn: true },
    });
    if (!before) throw new NotFoundError("round");
    const after = { name: input.name, opensOn: input.opensOn, closesOn: input.closesOn };
    await tx.reportingRound.update({ where: { id: input.roundId }, data: after });
    await appendAudit(tx, {
      actor,
      action: "round.updated",
      targetType: "round",
      targetId: input.roundId,
      before: auditJson(before),
      after: auditJson(after),
      ip,
    });
  });
}
