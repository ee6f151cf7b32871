import "server-only";
// Delegates' self-reports: drafts (private to their author), submissions (appended to the
// pair's history, never changed), and the guarded move of the pair's current status.
// docs/decisions/0001: pair_status and the history row are written in one transaction, and a
// submission moves pair_status only from the version it was based on.
import type { ReportStatus, Visibility } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { canWriteReport } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { EVIDENCE_FILES_PER_REPORT } from "@/lib/evidence-type";
import { appendAudit } from "./audit";
import { ensurePairStatus, findCommitment, pairKey, utcToday } from "./pairs";

export type ReportContent = {
  status: ReportStatus;
  notApplicableReason: string | null;
  narrative: string;
  evidenceLinks: string[];
  visibility: Visibility;
};

export type SubmitReportInput = ReportContent & { commitment: string; country: string; baseVersion: number };

function requireWriter(actor: Actor, countryCode: string) {
  // Writing for another country is refused outright (403): which countries exist is no secret.
  if (!canWriteReport(actor, countryCode)) throw new ForbiddenError("only the country's delegates write its reports");
}

async function openRound(sessionId: string, at: Date): Promise<string | null> {
  const day = utcToday(at);
  const round = await db.reportingRound.findFirst({
    where: { sessionId, opensOn: { lte: day }, closesOn: { gte: day } },
    orderBy: [{ opensOn: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  return round?.id ?? null;
}

/**
 * Appends a report to the pair's history and makes it the pair's current status — only if
 * the pair is still at `baseVersion` (otherwise a ConflictError, HTTP 409, and nothing is
 * written). The author's pending evidence files are attached to it and their draft is
 * consumed. Returns the new report and the pair's new version.
 */
export async function submitReport(
  actor: Actor,
  input: SubmitReportInput,
  ip: string | null,
): Promise<{ reportId: string; version: number }> {
  requireWriter(actor, input.country);
  const commitment = await findCommitment(input.commitment);
  if (!commitment) throw new NotFoundError("commitment");
  if (commitment.withdrawnAt) throw new InvalidInputError({ commitment: ["commitment.withdrawn"] });
  const countryCode = input.country;
  const version = input.baseVersion + 1;

  // Read before the transaction: the pair's row lock is held for as few round trips as possible.
  const roundId = await openRound(commitment.sessionId, new Date());

  return db.$transaction(
    async (tx) => {
      if (input.baseVersion === 0) await ensurePairStatus(tx, commitment.id, countryCode);
      // The guard: of concurrent writers based on the same version, exactly one moves the row;
      // the others wait for its lock, then find the version changed and update nothing. Only the
      // version changes, so RETURNING gives the status and run of COMPLETE before this report.
      const claimed = await tx.$queryRaw<{ status: ReportStatus | null; completedAt: Date | null }[]>`
        UPDATE pair_status SET version = ${version}
        WHERE commitment_id = ${commitment.id}::uuid AND country_code = ${countryCode} AND version = ${input.baseVersion}
        RETURNING status, completed_at AS "completedAt"`;
      if (claimed.length !== 1) {
        const current = await tx.pairStatus.findUnique({ where: pairKey(commitment.id, countryCode), select: { version: true } });
        throw new ConflictError("report.stale", { currentVersion: current?.version ?? 0, baseVersion: input.baseVersion });
      }
      const previous = input.baseVersion === 0 ? null : claimed[0]!;
      const now = new Date();
      const report = await tx.report.create({
        data: {
          commitmentId: commitment.id,
          countryCode,
          version,
          status: input.status,
          previousStatus: previous?.status ?? null,
          notApplicableReason: input.status === "NOT_APPLICABLE" ? input.notApplicableReason : null,
          narrative: input.narrative,
          evidenceLinks: input.evidenceLinks,
          visibility: input.visibility,
          authorId: actor.id,
          roundId,
          submittedAt: now,
        },
        select: { id: true },
      });
      const attached = await tx.evidenceFile.updateMany({
        where: { commitmentId: commitment.id, countryCode, uploaderId: actor.id, reportId: null },
        data: { reportId: report.id },
      });
      if (attached.count > EVIDENCE_FILES_PER_REPORT) throw new InvalidInputError({ files: ["file.tooMany"] });
      // completedAt: when the current run of COMPLETE reports began.
      const completedAt =
        input.status !== "COMPLETE" ? null : previous?.status === "COMPLETE" ? (previous.completedAt ?? now) : now;
      await tx.pairStatus.update({
        where: pairKey(commitment.id, countryCode),
        data: {
          status: input.status,
          visibility: input.visibility,
          reviewState: "SUBMITTED",
          latestReportId: report.id,
          reportedAt: now,
          completedAt,
          updatedAt: now,
        },
      });
      await tx.reportDraft.deleteMany({ where: { commitmentId: commitment.id, countryCode, authorId: actor.id } });
      await appendAudit(tx, {
        actor,
        action: "report.submitted",
        targetType: "report",
        targetId: report.id,
        before: { version: input.baseVersion, status: previous?.status ?? null },
        after: {
          commitment: commitment.code,
          country: countryCode,
          version,
          status: input.status,
          visibility: input.visibility,
          evidenceLinks: input.evidenceLinks.length,
          evidenceFiles: attached.count,
        },
        ip,
      });
      return { reportId: report.id, version };
    },
    // Writers of one pair queue on its row lock; give them time to take their turn.
    { maxWait: 10_000, timeout: 15_000 },
  );
}

export type DraftInput = {
  commitment: string;
  baseVersion: number;
  status: ReportStatus | null;
  notApplicableReason: string | null;
  narrative: string;
  evidenceLinks: string[];
  visibility: Visibility;
};

export type Draft = Omit<DraftInput, "commitment"> & { updatedAt: Date };

/** Saves the actor's private draft for their own country's pair (one per author and pair). */
export async function saveDraft(actor: Actor, input: DraftInput, ip: string | null): Promise<void> {
  const countryCode = actor.countryCode;
  if (!countryCode) throw new ForbiddenError("only delegates keep drafts");
  requireWriter(actor, countryCode);
  const commitment = await findCommitment(input.commitment);
  if (!commitment) throw new NotFoundError("commitment");
  const content = {
    baseVersion: input.baseVersion,
    status: input.status,
    notApplicableReason: input.notApplicableReason,
    narrative: input.narrative,
    evidenceLinks: input.evidenceLinks,
    visibility: input.visibility,
    updatedAt: new Date(),
  };
  await db.$transaction(async (tx) => {
    const draft = await tx.reportDraft.upsert({
      where: { commitmentId_countryCode_authorId: { commitmentId: commitment.id, countryCode, authorId: actor.id } },
      create: { commitmentId: commitment.id, countryCode, authorId: actor.id, ...content },
      update: content,
      select: { id: true },
    });
    // The draft's text is private; the audit log records only that it was saved.
    await appendAudit(tx, {
      actor,
      action: "report.draft_saved",
      targetType: "report_draft",
      targetId: draft.id,
      after: { commitment: commitment.code, country: countryCode, baseVersion: input.baseVersion },
      ip,
    });
  });
}

/** The actor's own draft on a commitment (by code, "35/6") for their country, or null: drafts are visible to their author only. */
export async function getOwnDraft(actor: Actor, commitment: string): Promise<Draft | null> {
  if (!actor.countryCode || !canWriteReport(actor, actor.countryCode)) return null;
  return db.reportDraft.findFirst({
    where: { commitment: { code: commitment }, countryCode: actor.countryCode, authorId: actor.id },
    select: {
      baseVersion: true,
      status: true,
      notApplicableReason: true,
      narrative: true,
      evidenceLinks: true,
      visibility: true,
      updatedAt: true,
    },
  });
}

export type LatestReport = ReportContent & { id: string; version: number; authorName: string; submittedAt: Date };

/**
 * The pair's latest report as its own country's delegate sees it: what changed when their
 * submission was refused as stale.
 */
export async function getOwnLatestReport(actor: Actor, code: string): Promise<LatestReport | null> {
  const countryCode = actor.countryCode;
  if (!countryCode) return null;
  requireWriter(actor, countryCode);
  const report = await db.report.findFirst({
    where: { commitment: { code }, countryCode },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      status: true,
      notApplicableReason: true,
      narrative: true,
      evidenceLinks: true,
      visibility: true,
      submittedAt: true,
      author: { select: { name: true } },
    },
  });
  if (!report) return null;
  const { author, ...rest } = report;
  return { ...rest, authorName: author.name };
}
