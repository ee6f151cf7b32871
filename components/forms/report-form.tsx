"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { useFormStatus } from "react-dom";
import { DualDate } from "@/components/dual-date";
import { StatusBadge } from "@/components/status-badge";
import { initialFormState } from "@/lib/actions/form-state";
import { saveReportAction } from "@/lib/actions/reports";
import { isolate } from "@/lib/i18n/bidi";
import { ACCEPT_ATTRIBUTE, EVIDENCE_FILES_PER_SAVE } from "@/lib/evidence-limits";
import { STATUSES, type DisplayedStatus } from "@/lib/status-scale";
import { NARRATIVE_MAX, VISIBILITIES } from "@/lib/validation/reports";
import { FieldErrors } from "./field-errors";
import { CONTROL_CLASS } from "./field-frame";
import { FormStatus } from "./form-status";
import { useHydrated } from "./use-hydrated";

export type ReportFormDefaults = {
  status: string;
  notApplicableReason: string;
  narrative: string;
  evidenceLinks: string;
  visibility: string;
};

type Props = {
  commitment: string;
  /** The pair version this form's text is based on (the draft's, or the current one). */
  baseVersion: number;
  defaults: ReportFormDefaults;
};

function Buttons() {
  const { pending } = useFormStatus();
  const t = useTranslations("reporting.form");
  return (
    <div className="flex flex-wrap gap-3">
      <button type="submit" name="intent" value="submit" disabled={pending} aria-disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t("saving") : t("submit")}
      </button>
      <button type="submit" name="intent" value="draft" disabled={pending} aria-disabled={pending} formNoValidate
        className="rounded border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-50 disabled:opacity-60">
        {t("saveDraft")}
      </button>
    </div>
  );
}

/**
 * The delegate's report for one pair. Every write carries the version the text was based on;
 * when another delegate of the country submitted in between, the submission is refused, the
 * text stays in the form (and in the draft), and their report is shown beside it.
 */
export function ReportForm({ commitment, baseVersion, defaults }: Props) {
  const t = useTranslations("reporting.form");
  const ts = useTranslations("common.status");
  const tv = useTranslations("reporting.visibility");
  const [state, action] = useActionState(saveReportAction, initialFormState);
  const hydrated = useHydrated();
  // The base is fixed when the form is opened; only what this form learned moves it.
  const [openedOn] = useState(baseVersion);
  const conflict = state.data?.conflict;
  const base = conflict?.version ?? state.data?.version ?? openedOn;
  const values = state.status === "error" ? state.values : undefined;
  const value = (key: keyof ReportFormDefaults) => values?.[key] ?? defaults[key];
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} className="space-y-5" data-testid="report-form" data-hydrated={hydrated}>
      <input type="hidden" name="commitment" value={commitment} />
      <input type="hidden" name="baseVersion" value={base} />

      {conflict ? (
        <section role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-4 text-sm" data-testid="conflict">
          <h3 className="font-semibold">{t("conflictTitle")}</h3>
          <p>{t("conflictBody", { author: isolate(conflict.authorName), version: conflict.version })}</p>
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={conflict.status as DisplayedStatus} />
            <DualDate date={new Date(conflict.submittedAt)} withTime />
          </div>
          {conflict.narrative ? <p className="whitespace-pre-line rounded bg-white p-2" dir="auto">{conflict.narrative}</p> : null}
          <p>{t("conflictNext")}</p>
        </section>
      ) : null}

      <div>
        <label htmlFor="status" className="block text-sm font-medium">{t("status")}</label>
        {/* Keyed on its value: React does not move a mounted select's default, and the form resets to it. */}
        <select key={value("status")} id="status" name="status" defaultValue={value("status")} aria-describedby="status-errors"
          aria-invalid={errors.status ? true : undefined} className={CONTROL_CLASS}>
          <option value="">{t("chooseStatus")}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>{ts(status)}</option>
          ))}
        </select>
        <FieldErrors id="status-errors" errors={errors.status} />
      </div>

      <div>
        <label htmlFor="notApplicableReason" className="block text-sm font-medium">{t("reason")}</label>
        <input id="notApplicableReason" name="notApplicableReason" defaultValue={value("notApplicableReason")} dir="auto"
          aria-describedby="notApplicableReason-hint notApplicableReason-errors" aria-invalid={errors.notApplicableReason ? true : undefined}
          className={CONTROL_CLASS} />
        <p id="notApplicableReason-hint" className="mt-1 text-xs text-stone-500">{t("reasonHint")}</p>
        <FieldErrors id="notApplicableReason-errors" errors={errors.notApplicableReason} />
      </div>

      <div>
        <label htmlFor="narrative" className="block text-sm font-medium">{t("narrative")}</label>
        {/* No maxLength: a browser would cut a long paste silently; the server refuses it and keeps the text. */}
        <textarea id="narrative" name="narrative" rows={8} defaultValue={value("narrative")} dir="auto"
          aria-describedby="narrative-hint narrative-errors" aria-invalid={errors.narrative ? true : undefined} className={CONTROL_CLASS} />
        <p id="narrative-hint" className="mt-1 text-xs text-stone-500">{t("narrativeHint", { max: NARRATIVE_MAX })}</p>
        <FieldErrors id="narrative-errors" errors={errors.narrative} />
      </div>

      <div>
        <label htmlFor="evidenceLinks" className="block text-sm font-medium">{t("links")}</label>
        <textarea id="evidenceLinks" name="evidenceLinks" rows={3} defaultValue={value("evidenceLinks")} dir="ltr"
          aria-describedby="evidenceLinks-hint evidenceLinks-errors" aria-invalid={errors.evidenceLinks ? true : undefined}
          className={`${CONTROL_CLASS} font-mono text-sm`} />
        <p id="evidenceLinks-hint" className="mt-1 text-xs text-stone-500">{t("linksHint")}</p>
        <FieldErrors id="evidenceLinks-errors" errors={errors.evidenceLinks} />
      </div>

      <div>
        <label htmlFor="files" className="block text-sm font-medium">{t("files")}</label>
        <input id="files" name="files" type="file" multiple accept={ACCEPT_ATTRIBUTE}
          aria-describedby="files-hint files-errors" aria-invalid={errors.files ? true : undefined} className="mt-1 block text-sm" />
        <p id="files-hint" className="mt-1 text-xs text-stone-500">{t("filesHint", { count: EVIDENCE_FILES_PER_SAVE })}</p>
        <FieldErrors id="files-errors" errors={errors.files} />
      </div>

      <fieldset>
        <legend className="text-sm font-medium">{t("visibility")}</legend>
        <div className="mt-2 space-y-2">
          {VISIBILITIES.map((visibility) => (
            <label key={visibility} className="flex items-start gap-2 text-sm">
              <input type="radio" name="visibility" value={visibility} defaultChecked={value("visibility") === visibility} className="mt-1" />
              <span>
                <span className="font-medium">{tv(`${visibility}.label`)}</span>
                <span className="block text-stone-600">{tv(`${visibility}.hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldErrors id="visibility-errors" errors={errors.visibility} />
      </fieldset>

      <FormStatus state={state} />
      <Buttons />
    </form>
  );
}
