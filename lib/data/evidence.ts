import "server-only";
// Evidence files, stored in PostgreSQL (bytea) and only ever served through the authorised
// download route. A file is uploaded as pending (no report yet, visible to its uploader only)
// and attached, once and for good, to the report its uploader submits next for the pair.
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { canReadReport, canWriteReport } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import {
  EVIDENCE_FILES_PER_REPORT,
  EVIDENCE_FILES_PER_SAVE,
  EVIDENCE_MAX_BYTES,
  detectEvidenceType,
  safeFilename,
} from "@/lib/evidence-type";
import { appendAudit } from "./audit";
import { requirePair } from "./pairs";

export type EvidenceFileSummary = { id: string; filename: string; mimeType: string; size: number };
export type UploadedFile = { name: string; bytes: Uint8Array };

const summary = { id: true, filename: true, mimeType: true, size: true } as const;

/** Checks every file (size, type by content) before anything is stored; all or nothing. */
async function checkFiles(files: UploadedFile[]) {
  if (files.length > EVIDENCE_FILES_PER_SAVE) throw new InvalidInputError({ files: ["file.tooManyAtOnce"] });
  const checked = [];
  const errors = new Set<string>();
  for (const file of files) {
    if (file.bytes.byteLength === 0) {
      errors.add("file.empty");
      continue;
    }
    if (file.bytes.byteLength > EVIDENCE_MAX_BYTES) {
      errors.add("file.tooLarge");
      continue;
    }
    const type = await detectEvidenceType(file.bytes);
    if (!type) {
      errors.add("file.type");
      continue;
    }
    checked.push({ ...file, type });
  }
  if (errors.size > 0) throw new InvalidInputError({ files: [...errors] });
  return checked;
}

/** Stores files as the actor's pending evidence for the pair of their own country. */
export async function storePendingEvidence(
  actor: Actor,
  code: string,
  files: UploadedFile[],
  ip: string | null,
): Promise<EvidenceFileSummary[]> {
  const countryCode = actor.countryCode;
  if (!countryCode || !canWriteReport(actor, countryCode)) throw new ForbiddenError("only a country's delegates add its evidence");
  if (files.length === 0) return [];
  const { commitment } = await requirePair(code, countryCode);
  const checked = await checkFiles(files);
  return db.$transaction(async (tx) => {
    const pending = await tx.evidenceFile.count({
      where: { commitmentId: commitment.id, countryCode, uploaderId: actor.id, reportId: null },
    });
    if (pending + checked.length > EVIDENCE_FILES_PER_REPORT) throw new InvalidInputError({ files: ["file.tooMany"] });
    const stored: EvidenceFileSummary[] = [];
    for (const file of checked) {
      const content = new Uint8Array(file.bytes);
      const row = await tx.evidenceFile.create({
        data: {
          commitmentId: commitment.id,
          countryCode,
          uploaderId: actor.id,
          filename: safeFilename(file.name, file.type.ext),
          mimeType: file.type.mime,
          size: content.byteLength,
          sha256: createHash("sha256").update(content).digest("hex"),
          content,
        },
        select: summary,
      });
      stored.push(row);
      await appendAudit(tx, {
        actor,
        action: "evidence.uploaded",
        targetType: "evidence_file",
        targetId: row.id,
        after: { commitment: code, country: countryCode, filename: row.filename, mimeType: row.mimeType, size: row.size },
        ip,
      });
    }
    return stored;
    // Up to three files of 10 MB go through the connection: Prisma's default of 5 s for an
    // interactive transaction is too short for that on a busy server.
  }, { maxWait: 10_000, timeout: 60_000 });
}

/** The actor's pending files for their own country's pair (what their next submission will carry). */
export async function listPendingEvidence(actor: Actor, commitment: string): Promise<EvidenceFileSummary[]> {
  if (!actor.countryCode || !canWriteReport(actor, actor.countryCode)) return [];
  return db.evidenceFile.findMany({
    where: { commitment: { code: commitment }, countryCode: actor.countryCode, uploaderId: actor.id, reportId: null },
    orderBy: { createdAt: "asc" },
    select: summary,
  });
}

/** Removes one of the actor's own pending files; attached files are part of history and stay. */
export async function removePendingEvidence(actor: Actor, fileId: string, ip: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const file = await tx.evidenceFile.findFirst({
      where: { id: fileId, uploaderId: actor.id, reportId: null },
      select: { id: true, filename: true, countryCode: true },
    });
    if (!file) throw new NotFoundError("evidence file");
    await tx.evidenceFile.delete({ where: { id: file.id } });
    await appendAudit(tx, {
      actor,
      action: "evidence.removed",
      targetType: "evidence_file",
      targetId: file.id,
      before: { filename: file.filename, country: file.countryCode },
      ip,
    });
  });
}

export type EvidenceDownload = { filename: string; mimeType: string; size: number; sha256: string; content: Uint8Array };

/**
 * A file for download, if the actor may read the report it belongs to (or uploaded it and it
 * is still pending). Anything else is "not found", so that a file's existence does not leak.
 */
export async function getEvidenceDownload(actor: Actor, fileId: string): Promise<EvidenceDownload> {
  const file = await db.evidenceFile.findUnique({
    where: { id: fileId },
    select: {
      filename: true,
      mimeType: true,
      size: true,
      sha256: true,
      content: true,
      uploaderId: true,
      report: { select: { countryCode: true, visibility: true } },
    },
  });
  if (!file) throw new NotFoundError("evidence file");
  const allowed = file.report ? canReadReport(actor, file.report) : file.uploaderId === actor.id;
  if (!allowed) throw new NotFoundError("evidence file");
  return { filename: file.filename, mimeType: file.mimeType, size: file.size, sha256: file.sha256, content: file.content };
}
