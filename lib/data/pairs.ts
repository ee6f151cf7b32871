import "server-only";
// A (commitment, country) pair: how it is found, and how its pair_status row is made to exist
// before a guarded write. Shared by reports, reviews, assessments, comments and evidence.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { findCountry, type CountrySummary } from "./countries";

export type Tx = Prisma.TransactionClient;

export type PairCommitment = {
  id: string;
  code: string;
  sessionId: string;
  sessionNumber: number;
  titleAr: string;
  titleEn: string;
  withdrawnAt: Date | null;
  theme: { key: string; nameAr: string; nameEn: string };
};
export type PairCountry = CountrySummary;

export const pairCommitmentSelect = {
  id: true,
  code: true,
  sessionId: true,
  titleAr: true,
  titleEn: true,
  withdrawnAt: true,
  session: { select: { number: true } },
  theme: { select: { key: true, nameAr: true, nameEn: true } },
} as const;

export function toPairCommitment({ session, ...rest }: Prisma.CommitmentGetPayload<{ select: typeof pairCommitmentSelect }>): PairCommitment {
  return { ...rest, sessionNumber: session.number };
}

export async function findCommitment(code: string, client: Pick<Tx, "commitment"> = db): Promise<PairCommitment | null> {
  const row = await client.commitment.findUnique({ where: { code }, select: pairCommitmentSelect });
  return row ? toPairCommitment(row) : null;
}

/** The commitment and country of a pair, or a NotFoundError. */
export async function requirePair(code: string, countryCode: string): Promise<{ commitment: PairCommitment; country: PairCountry }> {
  const [commitment, country] = await Promise.all([findCommitment(code), findCountry(countryCode)]);
  if (!commitment || !country) throw new NotFoundError("pair");
  return { commitment, country };
}

export const pairKey = (commitmentId: string, countryCode: string) => ({ commitmentId_countryCode: { commitmentId, countryCode } });

/**
 * Makes sure the pair has its pair_status row (version 0, nothing reported) so that every
 * write can then be guarded by an UPDATE of that row. Concurrent callers both succeed:
 * the second insert does nothing (ON CONFLICT DO NOTHING).
 */
export async function ensurePairStatus(tx: Tx, commitmentId: string, countryCode: string): Promise<void> {
  await tx.pairStatus.createMany({ data: [{ commitmentId, countryCode, version: 0 }], skipDuplicates: true });
}

/** Locks the pair's row for the rest of the transaction (assessments, which carry no version). */
export async function lockPairStatus(tx: Tx, commitmentId: string, countryCode: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM pair_status WHERE commitment_id = ${commitmentId}::uuid AND country_code = ${countryCode} FOR UPDATE`;
}

/** Today's date at UTC midnight, as reporting rounds store their dates. */
export function utcToday(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
