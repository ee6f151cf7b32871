"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialFormState } from "@/lib/actions/form-state";
import { addCommentAction } from "@/lib/actions/comments";
import { FieldErrors } from "./field-errors";
import { FormStatus } from "./form-status";
import { useHydrated } from "./use-hydrated";
import { SubmitButton } from "./submit-button";

export function CommentForm({ commitment, country }: { commitment: string; country: string }) {
  const t = useTranslations("reporting.thread");
  const [state, action] = useActionState(addCommentAction, initialFormState);
  const hydrated = useHydrated();
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="space-y-2" data-testid="comment-form" data-hydrated={hydrated}>
      <input type="hidden" name="commitment" value={commitment} />
      <input type="hidden" name="country" value={country} />
      <label htmlFor="comment-body" className="block text-sm font-medium">{t("new")}</label>
      <textarea id="comment-body" name="body" rows={3} dir="auto" defaultValue={values?.body ?? ""}
        aria-describedby="comment-body-errors" className="block w-full rounded border border-stone-300 bg-white px-3 py-2" />
      <FieldErrors id="comment-body-errors" errors={state.fieldErrors?.body} />
      <FormStatus state={state} />
      <SubmitButton variant="secondary">{t("send")}</SubmitButton>
    </form>
  );
}
