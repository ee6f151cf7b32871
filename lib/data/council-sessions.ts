import "server-only";
// The secretariat's editing of council sessions and their commitments: creation, edits,
// withdrawal, deletion (only without history), and carry-over to a later session. Every write
// and its audit row share one transaction. Reads for everyone live in sessions.ts/commitments.ts.
import type { CommitmentLink } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { CommitmentInput, CreateSessionInput, UpdateSessionInput } from "@/lib/validation/council-sessions";
import { appendAudit } from "./audit";
import { auditJson } from "./audit-json";
import { requireSessionManager } from "./themes";

type Tx = Prisma.TransactionClient;

const DAY_MS = 86_400_000;

export type CouncilSessionListItem = {
  id: string;
  number: number;
  titleAr: string;
  titleEn: string;
  cityAr: string;
  cityEn: string;
  startsOn: Date;
  endsOn: Date | null;
  commitmentCount: number;
  roundCount: number;
};

export async function listCouncilSessions(actor: Actor): Promise<CouncilSessionListItem[]> {
  requireSessionManager(actor);
  const sessions = await db.councilSession.findMany({
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      titleAr: true,
      titleEn: true,
      cityAr: true,
      cityEn: true,
      startsOn: true,
      endsOn: true,
      _count: { select: { commitments: true, rounds: true } },
    },
  });
  return sessions.map(({ _count, ...session }) => ({
    ...session,
    commitmentCount: _count.commitments,
    roundCount: _count.rounds,
  }));
}

export type EditableCommitment = {
  id: string;
  code: string;
  sortOrder: number;
  theme: { key: string; nameAr: string; nameEn: string };
  titleAr: string;
  titleEn: string;
  textAr: string;
  textEn: string;
  sourceAr: string;
  dueDate: Date | null;
  dueDaysBeforeNextSession: number | null;
  /** The date it falls due: its own, or N days before the next session once that session exists. */
  effectiveDueDate: Date | null;
  previous: { code: string; linkKind: CommitmentLink } | null;
  successors: { code: string; linkKind: CommitmentLink | null }[];
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  reportCount: number;
};

export type CouncilSessionDetail = {
  id: string;
  number: number;
  titleAr: string;
  titleEn: string;
  cityAr: string;
  cityEn: string;
  startsOn: Date;
  endsOn: Date | null;
  communiqueAr: string;
  communiqueEn: string | null;
  nextSessionStartsOn: Date | null;
  commitments: EditableCommitment[];
};

const editableSelect = {
  id: true,
  code: true,
  sortOrder: true,
  theme: { select: { key: true, nameAr: true, nameEn: true } },
  titleAr: true,
  titleEn: true,
  textAr: true,
  textEn: true,
  sourceAr: true,
  dueDate: true,
  dueDaysBeforeNextSession: true,
  previous: { select: { code: true } },
  linkKind: true,
  successors: { select: { code: true, linkKind: true }, orderBy: { code: "asc" } },
  withdrawnAt: true,
  withdrawnReason: true,
  _count: { select: { reports: true } },
} as const satisfies Prisma.CommitmentSelect;

type EditableRow = Prisma.CommitmentGetPayload<{ select: typeof editableSelect }>;

/** When a commitment falls due: its date, or `days` before the next session opens (once it is known). */
export function effectiveDueDate(
  commitment: { dueDate: Date | null; dueDaysBeforeNextSession: number | null },
  nextSessionStartsOn: Date | null,
): Date | null {
  if (commitment.dueDate) return commitment.dueDate;
  if (commitment.dueDaysBeforeNextSession && nextSessionStartsOn) {
    return new Date(nextSessionStartsOn.getTime() - commitment.dueDaysBeforeNextSession * DAY_MS);
  }
  return null;
}

function toEditable(row: EditableRow, nextSessionStartsOn: Date | null): EditableCommitment {
  const { previous, linkKind, _count, ...rest } = row;
  return {
    ...rest,
    effectiveDueDate: effectiveDueDate(row, nextSessionStartsOn),
    previous: previous && linkKind ? { code: previous.code, linkKind } : null,
    reportCount: _count.reports,
  };
}

async function nextSessionStart(client: Tx | typeof db, number: number): Promise<Date | null> {
  const next = await client.councilSession.findFirst({
    where: { number: { gt: number } },
    orderBy: { number: "asc" },
    select: { startsOn: true },
  });
  return next?.startsOn ?? null;
}

export async function getCouncilSession(actor: Actor, number: number): Promise<CouncilSessionDetail | null> {
  requireSessionManager(actor);
  const session = await db.councilSession.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      titleAr: true,
      titleEn: true,
      cityAr: true,
      cityEn: true,
      startsOn: true,
      endsOn: true,
      communiqueAr: true,
      communiqueEn: true,
      commitments: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: editableSelect },
    },
  });
  if (!session) return null;
  const nextSessionStartsOn = await nextSessionStart(db, number);
  return {
    ...session,
    nextSessionStartsOn,
    commitments: session.commitments.map((row) => toEditable(row, nextSessionStartsOn)),
  };
}

export type CommitmentEditor = EditableCommitment & {
  session: { number: number; titleAr: string; titleEn: string };
};

export async function getCommitmentForEdit(actor: Actor, code: string): Promise<CommitmentEditor | null> {
  requireSessionManager(actor);
  const row = await db.commitment.findUnique({
    where: { code },
    select: { ...editableSelect, session: { select: { number: true, titleAr: true, titleEn: true } } },
  });
  if (!row) return null;
  const { session, ...commitment } = row;
  return { ...toEditable(commitment, await nextSessionStart(db, session.number)), session };
}

const sessionSnapshot = {
  number: true,
  cityAr: true,
  cityEn: true,
  titleAr: true,
  titleEn: true,
  startsOn: true,
  endsOn: true,
  communiqueAr: true,
  communiqueEn: true,
} as const;

export async function createCouncilSession(actor: Actor, input: CreateSessionInput, ip: string | null): Promise<{ number: number }> {
  requireSessionManager(actor);
  const data = { ...input, communiqueEn: input.communiqueEn || null };
  try {
    return await db.$transaction(async (tx) => {
      const session = await tx.councilSession.create({ data, select: { id: true, number: true } });
      await appendAudit(tx, { actor, action: "session.created", targetType: "session", targetId: session.id, after: auditJson(data), ip });
      return { number: session.number };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new InvalidInputError({ number: ["session.numberTaken"] });
    }
    throw error;
  }
}

/** Edits a session's place, dates, titles and communiqué; its number is fixed (codes carry it). */
export async function updateCouncilSession(actor: Actor, input: UpdateSessionInput, ip: string | null): Promise<void> {
  requireSessionManager(actor);
  const { sessionNumber, ...fields } = input;
  const data = { ...fields, communiqueEn: fields.communiqueEn || null };
  await db.$transaction(async (tx) => {
    const before = await tx.councilSession.findUnique({ where: { number: sessionNumber }, select: { id: true, ...sessionSnapshot } });
    if (!before) throw new NotFoundError("session");
    await tx.councilSession.update({ where: { id: before.id }, data });
    const { id, ...beforeFields } = before;
    await appendAudit(tx, { actor, action: "session.updated", targetType: "session", targetId: id, ...changedFields(beforeFields, data), ip });
  });
}

/**
 * The audit row's before and after of an edit: the fields that changed, and the session's
 * number. A communiqué can be 200,000 characters; it is recorded when it changes, not with
 * every edit of a city or a date.
 */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const was = auditJson(before) as Record<string, unknown>;
  const is = auditJson(after) as Record<string, unknown>;
  const changed = Object.keys(is).filter((key) => JSON.stringify(was[key] ?? null) !== JSON.stringify(is[key] ?? null));
  const pick = (record: Record<string, unknown>) => ({ number: was.number, ...Object.fromEntries(changed.map((key) => [key, record[key] ?? null])) });
  return { before: auditJson(pick(was)), after: auditJson(pick(is)) };
}

/** Replaces the session's communiqué in one language (the import screen's text). */
export async function updateCommunique(
  actor: Actor,
  input: { sessionNumber: number; language: "ar" | "en"; text: string },
  ip: string | null,
): Promise<void> {
  requireSessionManager(actor);
  if (input.language === "ar" && !input.text) throw new InvalidInputError({ text: ["required"] });
  const field = input.language === "ar" ? "communiqueAr" : "communiqueEn";
  await db.$transaction(async (tx) => {
    const before = await tx.councilSession.findUnique({
      where: { number: input.sessionNumber },
      select: { id: true, communiqueAr: true, communiqueEn: true },
    });
    if (!before) throw new NotFoundError("session");
    const value = input.text || null;
    await tx.councilSession.update({ where: { id: before.id }, data: { [field]: value } });
    await appendAudit(tx, {
      actor,
      action: "session.communique_updated",
      targetType: "session",
      targetId: before.id,
      before: { [field]: before[field] },
      after: { [field]: value },
      ip,
    });
  });
}

/** The position of a code in its session: "36/4" → 4. */
function positionOf(code: string): number {
  return Number(code.split("/")[1]);
}

function requireCodeOfSession(code: string, sessionNumber: number) {
  if (!code.startsWith(`${sessionNumber}/`)) throw new InvalidInputError({ code: ["commitment.codeSession"] });
}

async function resolveThemeId(tx: Tx, key: string): Promise<string> {
  const theme = await tx.theme.findUnique({ where: { key }, select: { id: true } });
  if (!theme) throw new InvalidInputError({ themeKey: ["theme.unknown"] });
  return theme.id;
}

/** An earlier session's commitment that this one continues or amends. */
async function resolvePrevious(
  tx: Tx,
  previous: CommitmentInput["previous"],
  sessionNumber: number,
): Promise<{ previousId: string | null; linkKind: CommitmentLink | null }> {
  if (!previous) return { previousId: null, linkKind: null };
  const row = await tx.commitment.findUnique({
    where: { code: previous.code },
    select: { id: true, session: { select: { number: true } } },
  });
  // Only an earlier session's commitment: lineages then always run back in time, never in a loop.
  if (!row || row.session.number >= sessionNumber) throw new InvalidInputError({ previousCode: ["commitment.previousUnknown"] });
  return { previousId: row.id, linkKind: previous.linkKind };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function commitmentData(tx: Tx, sessionNumber: number, input: CommitmentInput) {
  requireCodeOfSession(input.code, sessionNumber);
  const { previous, themeKey, ...words } = input;
  return {
    ...words,
    sortOrder: positionOf(input.code),
    themeId: await resolveThemeId(tx, themeKey),
    ...(await resolvePrevious(tx, previous, sessionNumber)),
  };
}

function commitmentAudit(data: Record<string, unknown>, themeKey: string, previousCode: string | null) {
  const { themeId: _themeId, previousId: _previousId, sessionId: _sessionId, ...rest } = data;
  return auditJson({ ...rest, themeKey, previousCode });
}

export async function createCommitment(
  actor: Actor,
  sessionNumber: number,
  input: CommitmentInput,
  ip: string | null,
): Promise<{ id: string; code: string }> {
  requireSessionManager(actor);
  try {
    return await db.$transaction(async (tx) => {
      const session = await tx.councilSession.findUnique({ where: { number: sessionNumber }, select: { id: true } });
      if (!session) throw new NotFoundError("session");
      if (await tx.commitment.findUnique({ where: { code: input.code }, select: { id: true } })) {
        throw new InvalidInputError({ code: ["commitment.codeTaken"] });
      }
      const data = { ...(await commitmentData(tx, sessionNumber, input)), sessionId: session.id };
      const created = await tx.commitment.create({ data, select: { id: true, code: true } });
      await appendAudit(tx, {
        actor,
        action: "commitment.created",
        targetType: "commitment",
        targetId: created.id,
        after: commitmentAudit(data, input.themeKey, input.previous?.code ?? null),
        ip,
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidInputError({ code: ["commitment.codeTaken"] });
    throw error;
  }
}

const commitmentSnapshot = {
  id: true,
  code: true,
  sortOrder: true,
  titleAr: true,
  titleEn: true,
  textAr: true,
  textEn: true,
  sourceAr: true,
  dueDate: true,
  dueDaysBeforeNextSession: true,
  linkKind: true,
  withdrawnAt: true,
  withdrawnReason: true,
  theme: { select: { key: true } },
  previous: { select: { code: true } },
  session: { select: { number: true } },
} as const satisfies Prisma.CommitmentSelect;

function snapshotJson(row: Prisma.CommitmentGetPayload<{ select: typeof commitmentSnapshot }>) {
  const { id: _id, theme, previous, session: _session, ...rest } = row;
  return auditJson({ ...rest, themeKey: theme.key, previousCode: previous?.code ?? null });
}

async function findForWrite(tx: Tx, commitmentId: string) {
  const row = await tx.commitment.findUnique({ where: { id: commitmentId }, select: commitmentSnapshot });
  if (!row) throw new NotFoundError("commitment");
  return row;
}

export async function updateCommitment(actor: Actor, commitmentId: string, input: CommitmentInput, ip: string | null): Promise<{ code: string }> {
  requireSessionManager(actor);
  try {
    return await db.$transaction(async (tx) => {
      const before = await findForWrite(tx, commitmentId);
      if (input.code !== before.code && (await tx.commitment.findUnique({ where: { code: input.code }, select: { id: true } }))) {
        throw new InvalidInputError({ code: ["commitment.codeTaken"] });
      }
      const data = await commitmentData(tx, before.session.number, input);
      await tx.commitment.update({ where: { id: commitmentId }, data });
      await appendAudit(tx, {
        actor,
        action: "commitment.updated",
        targetType: "commitment",
        targetId: commitmentId,
        before: snapshotJson(before),
        after: commitmentAudit(data, input.themeKey, input.previous?.code ?? null),
        ip,
      });
      return { code: input.code };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidInputError({ code: ["commitment.codeTaken"] });
    throw error;
  }
}

/**
 * Deletes a commitment that has no history at all. One with reports is refused: it can be
 * withdrawn instead. So is one with assessments, comments, evidence, drafts or a successor.
 */
export async function deleteCommitment(actor: Actor, commitmentId: string, ip: string | null): Promise<void> {
  requireSessionManager(actor);
  await db.$transaction(async (tx) => {
    // Lock the row first: no report can then be added between the check and the delete.
    await tx.$queryRaw`SELECT id FROM commitment WHERE id = ${commitmentId}::uuid FOR UPDATE`;
    const before = await findForWrite(tx, commitmentId);
    const counts = await tx.commitment.findUniqueOrThrow({
      where: { id: commitmentId },
      select: {
        _count: { select: { reports: true, assessments: true, comments: true, evidenceFiles: true, drafts: true, successors: true } },
      },
    });
    const { reports, successors, ...others } = counts._count;
    if (reports > 0) throw new ConflictError("commitment.hasReports", { reports });
    if (successors > 0) throw new ConflictError("commitment.hasSuccessors", { successors });
    if (Object.values(others).some((count) => count > 0)) throw new ConflictError("commitment.hasHistory", others);
    await tx.pairStatus.deleteMany({ where: { commitmentId } });
    await tx.commitment.delete({ where: { id: commitmentId } });
    await appendAudit(tx, { actor, action: "commitment.deleted", targetType: "commitment", targetId: commitmentId, before: snapshotJson(before), ip });
  });
}

/** Withdraws a commitment: kept with its history, shown greyed, left out of every roll-up. */
export async function withdrawCommitment(actor: Actor, commitmentId: string, reason: string, ip: string | null): Promise<void> {
  requireSessionManager(actor);
  await db.$transaction(async (tx) => {
    const before = await findForWrite(tx, commitmentId);
    if (before.withdrawnAt) throw new ConflictError("commitment.alreadyWithdrawn");
    const after = { withdrawnAt: new Date(), withdrawnReason: reason };
    await tx.commitment.update({ where: { id: commitmentId }, data: after });
    await appendAudit(tx, {
      actor,
      action: "commitment.withdrawn",
      targetType: "commitment",
      targetId: commitmentId,
      before: auditJson({ code: before.code, withdrawnAt: null, withdrawnReason: null }),
      after: auditJson({ code: before.code, ...after }),
      ip,
    });
  });
}

export async function reinstateCommitment(actor: Actor, commitmentId: string, ip: string | null): Promise<void> {
  requireSessionManager(actor);
  await db.$transaction(async (tx) => {
    const before = await findForWrite(tx, commitmentId);
    if (!before.withdrawnAt) throw new ConflictError("commitment.notWithdrawn");
    await tx.commitment.update({ where: { id: commitmentId }, data: { withdrawnAt: null, withdrawnReason: null } });
    await appendAudit(tx, {
      actor,
      action: "commitment.reinstated",
      targetType: "commitment",
      targetId: commitmentId,
      before: auditJson({ code: before.code, withdrawnAt: before.withdrawnAt, withdrawnReason: before.withdrawnReason }),
      after: auditJson({ code: before.code, withdrawnAt: null, withdrawnReason: null }),
      ip,
    });
  });
}

export type CarryOverCandidate = {
  id: string;
  code: string;
  sessionNumber: number;
  titleAr: string;
  titleEn: string;
  theme: { key: string; nameAr: string; nameEn: string };
  /** Member states whose current status is complete (or not applicable). */
  closedCount: number;
};

/**
 * Commitments of earlier sessions that are still open: not withdrawn, not already continued by
 * a later commitment, and not complete (or not applicable) in every member state.
 */
export async function listCarryOverCandidates(actor: Actor, sessionNumber: number): Promise<CarryOverCandidate[]> {
  requireSessionManager(actor);
  const [rows, countryTotal] = await Promise.all([
    db.commitment.findMany({
      where: {
        session: { number: { lt: sessionNumber } },
        withdrawnAt: null,
        successors: { none: { linkKind: "CONTINUES" } },
      },
      orderBy: [{ session: { number: "desc" } }, { sortOrder: "asc" }],
      select: {
        id: true,
        code: true,
        titleAr: true,
        titleEn: true,
        session: { select: { number: true } },
        theme: { select: { key: true, nameAr: true, nameEn: true } },
      },
    }),
    db.country.count(),
  ]);
  const closed = await db.pairStatus.groupBy({
    by: ["commitmentId"],
    where: { commitmentId: { in: rows.map((r) => r.id) }, status: { in: ["COMPLETE", "NOT_APPLICABLE"] } },
    _count: { _all: true },
  });
  const closedById = new Map(closed.map((c) => [c.commitmentId, c._count._all]));
  return rows
    .map(({ session, ...row }) => ({ ...row, sessionNumber: session.number, closedCount: closedById.get(row.id) ?? 0 }))
    .filter((row) => row.closedCount < countryTotal);
}

/**
 * Carries open commitments over to a later session: each gets a new commitment there that
 * CONTINUES it (same theme and words; the relative due rule, not an absolute date that has
 * passed). Reports, statuses and assessments stay with the old commitment — never copied, never
 * rewritten; `listLineage` reaches them from the new one.
 */
export async function carryOverCommitments(
  actor: Actor,
  sessionNumber: number,
  commitmentIds: string[],
  ip: string | null,
): Promise<{ codes: string[] }> {
  requireSessionManager(actor);
  return db.$transaction(async (tx) => {
    const session = await tx.councilSession.findUnique({ where: { number: sessionNumber }, select: { id: true } });
    if (!session) throw new NotFoundError("session");
    const sources = await tx.commitment.findMany({
      where: { id: { in: commitmentIds } },
      orderBy: [{ session: { number: "asc" } }, { sortOrder: "asc" }],
      select: {
        id: true,
        code: true,
        themeId: true,
        titleAr: true,
        titleEn: true,
        textAr: true,
        textEn: true,
        sourceAr: true,
        dueDaysBeforeNextSession: true,
        withdrawnAt: true,
        session: { select: { number: true } },
        successors: { where: { linkKind: "CONTINUES" }, select: { code: true } },
      },
    });
    if (sources.length !== new Set(commitmentIds).size) throw new NotFoundError("commitment");
    for (const source of sources) {
      if (source.session.number >= sessionNumber) throw new InvalidInputError({ commitments: ["carryOver.notEarlier"] });
      if (source.withdrawnAt) throw new ConflictError("carryOver.withdrawn", { code: source.code });
      if (source.successors.length > 0) throw new ConflictError("carryOver.already", { code: source.code });
    }
    const taken = await tx.commitment.findMany({ where: { sessionId: session.id }, select: { code: true } });
    let position = Math.max(0, ...taken.map((c) => positionOf(c.code)));
    const codes: string[] = [];
    for (const source of sources) {
      position += 1;
      const code = `${sessionNumber}/${position}`;
      const { id: previousId, session: _session, successors: _successors, withdrawnAt: _withdrawnAt, code: previousCode, ...words } = source;
      const created = await tx.commitment.create({
        data: { ...words, code, sortOrder: position, sessionId: session.id, previousId, linkKind: "CONTINUES" },
        select: { id: true },
      });
      await appendAudit(tx, {
        actor,
        action: "commitment.carried_over",
        targetType: "commitment",
        targetId: created.id,
        after: auditJson({ code, previousCode, linkKind: "CONTINUES", titleAr: words.titleAr, titleEn: words.titleEn }),
        ip,
      });
      codes.push(code);
    }
    return { codes };
  });
}
