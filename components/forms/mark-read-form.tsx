"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialFormState } from "@/lib/actions/form-state";
import { markNotificationsReadAction } from "@/lib/actions/notifications";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";

/** Marks one notification read, or all of them. */
export function MarkReadForm({ notificationId }: { notificationId: string | "all" }) {
  const t = useTranslations("notifications");
  const [state, action] = useActionState(markNotificationsReadAction, initialFormState);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="notificationId" value={notificationId} />
      <SubmitButton variant="secondary">{notificationId === "all" ? t("markAllRead") : t("markRead")}</SubmitButton>
      {state.status === "error" ? <FormStatus state={state} /> : null}
    </form>
  );
}
