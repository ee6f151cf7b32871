"use server";

import { refresh } from "next/cache";
import { canWriteReports } from "@/lib/auth/permissions";
import { removePendingEvidence, storePendingEvidence } from "@/lib/data/evidence";
import { getOwnLatestReport, saveDraft, submitReport } from "@/lib/data/reports";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import { EVIDENCE_FILES_PER_SAVE } from "@/lib/evidence-type";
import { EvidenceFileIdSchema, ReportFormSchema } from "@/lib/validation/reports";
import type { FormState } from "./form-state";
import { runAction } from "./run-action";

/** What another delegate submitted while this one was writing: shown beside the kept text. */
export type ReportConflict = {
  version: number;
  status: string;
  authorName: string;
  submittedAt: string;
  narrative: string;
  evidenceLinks: string[];
  visibility: string;
};
export type ReportFormData = { conflict?: ReportConflict; version?: number };

function uploadedFiles(formData: FormData): File[] {
  // An empty file input still sends one empty part; empty files carry no evidence either.
  return formData.getAll("files").filter((value): value is File => value instanceof File && value.size > 0);
}

/**
 * The delegate's report form: `intent=draft` saves their private draft, `intent=submit`
 * appends the report to the history. Files are stored first, as pending evidence, so that a
 * refused submission (someone else submitted in between) loses neither the files nor the
 * text: the text is kept as the draft and echoed back with what changed.
 */
export async function saveReportAction(
  _previous: FormState<ReportFormData>,
  formData: FormData,
): Promise<FormState<ReportFormData>> {
  return runAction<typeof ReportFormSchema, ReportFormData>(formData, { name: "saveReport", allowed: canWriteReports, schema: ReportFormSchema }, async (actor, input, ip) => {
    const countryCode = actor.countryCode!;
    const files = uploadedFiles(formData);
    if (files.length > EVIDENCE_FILES_PER_SAVE) throw new InvalidInputError({ files: ["file.tooManyAtOnce"] });
    if (files.length > 0) {
      const uploads = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
      await storePendingEvidence(actor, input.commitment, uploads, ip);
    }
    const draft = { ...input, status: input.status };
    if (input.intent === "draft") {
      await saveDraft(actor, draft, ip);
      refresh();
      return { status: "success", message: "reports.draftSaved" };
    }
    const status = input.status!;
    try {
      const { version } = await submitReport(actor, { ...input, status, country: countryCode }, ip);
      refresh();
      return { status: "success", message: "reports.submitted", data: { version } };
    } catch (error) {
      if (!(error instanceof ConflictError) || error.messageKey !== "report.stale") throw error;
      await saveDraft(actor, draft, ip);
      const latest = await getOwnLatestReport(actor, input.commitment);
      refresh();
      return {
        status: "error",
        message: "errors.report.stale",
        ...(latest
          ? {
              data: {
                conflict: {
                  version: latest.version,
                  status: latest.status,
                  authorName: latest.authorName,
                  submittedAt: latest.submittedAt.toISOString(),
                  narrative: latest.narrative,
                  evidenceLinks: latest.evidenceLinks,
                  visibility: latest.visibility,
                },
              },
            }
          : {}),
      };
    }
  });
}

export async function removeEvidenceFileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "removeEvidenceFile", allowed: canWriteReports, schema: EvidenceFileIdSchema }, async (actor, input, ip) => {
    await removePendingEvidence(actor, input.fileId, ip);
    refresh();
    return { status: "success", message: "reports.fileRemoved" };
  });
}
