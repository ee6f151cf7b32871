"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { deleteCommitmentAction, reinstateCommitmentAction, withdrawCommitmentAction } from "@/lib/actions/council-sessions";
import { initialFormState } from "@/lib/actions/form-state";
import { useRouter } from "@/lib/i18n/navigation";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";

type Props = {
  commitment: { id: string; code: string; withdrawn: boolean; reportCount: number };
  /** Where to go once the commitment is deleted (its own page no longer exists). */
  afterDelete?: string;
};

/** Withdraw (with a reason) or reinstate a commitment; delete one that has no history yet. */
export function CommitmentRowActions({ commitment, afterDelete }: Props) {
  const t = useTranslations("secretariat.commitments");
  const [withdrawn, withdraw] = useActionState(withdrawCommitmentAction, initialFormState);
  const [reinstated, reinstate] = useActionState(reinstateCommitmentAction, initialFormState);
  const [deleted, remove] = useActionState(deleteCommitmentAction, initialFormState);
  const router = useRouter();
  useEffect(() => {
    if (deleted.status === "success" && afterDelete) router.push(afterDelete);
  }, [deleted.status, afterDelete, router]);
  const last = [deleted, reinstated, withdrawn].find((s) => s.status !== "idle") ?? withdrawn;
  return (
    <div className="space-y-2 text-sm">
      {commitment.withdrawn ? (
        <form action={reinstate}>
          <input type="hidden" name="commitmentId" value={commitment.id} />
          <SubmitButton variant="secondary">{t("reinstate")}</SubmitButton>
        </form>
      ) : (
        <details>
          <summary className="cursor-pointer text-brand-700">{t("withdraw")}</summary>
          <form action={withdraw} className="mt-2 flex flex-wrap items-end gap-2">
            <input type="hidden" name="commitmentId" value={commitment.id} />
            <label className="flex flex-col">
              <span>{t("withdrawReason")}</span>
              <input name="reason" required maxLength={1000} className="rounded border border-stone-300 px-2 py-1" />
            </label>
            <SubmitButton variant="danger">{t("withdrawConfirm", { code: commitment.code })}</SubmitButton>
          </form>
        </details>
      )}
      {/* One with reports is withdrawn, never deleted (the data layer refuses it too). */}
      {commitment.reportCount > 0 ? (
        <p className="text-xs text-stone-500">{t("deleteRefusedHint")}</p>
      ) : (
        <form action={remove}>
          <input type="hidden" name="commitmentId" value={commitment.id} />
          <SubmitButton variant="secondary">{t("delete")}</SubmitButton>
        </form>
      )}
      <FormStatus state={last} />
    </div>
  );
}
