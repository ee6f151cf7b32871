"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialFormState } from "@/lib/actions/form-state";
import { removeEvidenceFileAction } from "@/lib/actions/reports";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";

/** A pending file, its size formatted on the server ("12 kB"). */
type File = { id: string; filename: string; size: string };

function PendingFile({ file }: { file: File }) {
  const t = useTranslations("reporting.form");
  const [state, action] = useActionState(removeEvidenceFileAction, initialFormState);
  return (
    <li className="flex flex-wrap items-center gap-3">
      <a href={`/api/v1/evidence/${file.id}`} className="text-brand-700 underline" dir="auto">{file.filename}</a>
      <span className="text-xs text-stone-500">{file.size}</span>
      <form action={action}>
        <input type="hidden" name="fileId" value={file.id} />
        <SubmitButton variant="secondary">{t("removeFile")}</SubmitButton>
      </form>
      <FormStatus state={state} />
    </li>
  );
}

/** Files uploaded with a draft or a refused submission: they go with the author's next submission. */
export function PendingFiles({ files }: { files: File[] }) {
  const t = useTranslations("reporting.form");
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="pending-heading" className="rounded border border-stone-200 bg-stone-50 p-3 text-sm" data-testid="pending-files">
      <h3 id="pending-heading" className="font-medium">{t("pendingFiles")}</h3>
      <ul className="mt-2 space-y-2">
        {files.map((file) => <PendingFile key={file.id} file={file} />)}
      </ul>
    </section>
  );
}
