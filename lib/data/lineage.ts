import "server-only";
// A commitment's lineage: the earlier commitments it continues or amends, back to the first.
// Carry-over links a new commitment to the old one and copies no history, so whoever shows a
// pair's timeline reads the reports of every commitment of `listLineage(id)` for that country.
import { z } from "zod";
import type { CommitmentLink } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { canOpenPair, canReadDashboard, canReadPairDetail } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { NO_REPORT, WITHHELD, type DisplayedStatus } from "@/lib/status-scale";

export type LineageEntry = {
  id: string;
  code: string;
  sessionNumber: number;
  titleAr: string;
  titleEn: string;
  /** How this commitment relates to the entry before it (null for the first). */
  linkKind: CommitmentLink | null;
  withdrawnAt: Date | null;
};

/** Longest chain followed; links only ever point to earlier sessions, so this is a guard, not a rule. */
const MAX_DEPTH = 100;

/**
 * The commitment and its predecessors, oldest first, ending with the commitment itself; empty
 * when it does not exist. Commitments are public to everyone signed in; reports are not, so the
 * caller still reads them through the data layer's scoped functions.
 */
export async function listLineage(actor: Actor, commitmentId: string): Promise<LineageEntry[]> {
  if (!canReadDashboard(actor)) throw new ForbiddenError();
  if (!z.uuid().safeParse(commitmentId).success) return [];
  const chain = await db.$queryRaw<{ id: string; depth: number }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, previous_id, 0 AS depth FROM commitment WHERE id = ${commitmentId}::uuid
      UNION ALL
      SELECT c.id, c.previous_id, chain.depth + 1
      FROM commitment c JOIN chain ON c.id = chain.previous_id
      WHERE chain.depth < ${MAX_DEPTH}
    )
    SELECT id::text AS id, depth FROM chain`;
  if (chain.length === 0) return [];
  const rows = await db.commitment.findMany({
    where: { id: { in: chain.map((c) => c.id) } },
    select: {
      id: true,
      code: true,
      titleAr: true,
      titleEn: true,
      linkKind: true,
      withdrawnAt: true,
      session: { select: { number: true } },
    },
  });
  const depth = new Map(chain.map((c) => [c.id, Number(c.depth)]));
  return rows
    .sort((a, b) => depth.get(b.id)! - depth.get(a.id)!)
    .map(({ session, ...row }) => ({ ...row, sessionNumber: session.number }));
}

export type PairLineageEntry = LineageEntry & {
  /** The country's current status on that earlier commitment, as this viewer may see it. */
  status: DisplayedStatus;
  /** Whether the viewer may open that pair's page (it answers 404 when nothing there is readable). */
  opens: boolean;
};

/**
 * The earlier commitments of a pair's lineage, oldest first, each with the country's current
 * status on it under the usual visibility rules — where a carried-over pair's history lives.
 */
export async function listPairLineage(actor: Actor, countryCode: string, commitmentCode: string): Promise<PairLineageEntry[]> {
  if (!canReadDashboard(actor)) throw new ForbiddenError();
  const commitment = await db.commitment.findUnique({ where: { code: commitmentCode }, select: { id: true, previousId: true } });
  if (!commitment?.previousId) return []; // nothing earlier: the common case, one query
  const earlier = (await listLineage(actor, commitment.id)).filter((entry) => entry.id !== commitment.id);
  if (earlier.length === 0) return [];
  const pairs = await db.pairStatus.findMany({
    where: { countryCode, commitmentId: { in: earlier.map((e) => e.id) } },
    select: { commitmentId: true, status: true, visibility: true },
  });
  const byCommitment = new Map(pairs.map((p) => [p.commitmentId, p]));
  return earlier.map((entry) => {
    const pair = byCommitment.get(entry.id);
    const status: DisplayedStatus = !pair?.status
      ? NO_REPORT
      : canReadPairDetail(actor, { countryCode, visibility: pair.visibility })
        ? pair.status
        : WITHHELD;
    return { ...entry, status, opens: canOpenPair(actor, countryCode, status) };
  });
}
