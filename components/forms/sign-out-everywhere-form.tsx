"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { signOutEverywhereAction } from "@/lib/actions/account";
import { initialFormState } from "@/lib/actions/form-state";
import { useRouter } from "@/lib/i18n/navigation";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";

export function SignOutEverywhereForm() {
  const t = useTranslations("auth.account");
  const router = useRouter();
  const [state, action] = useActionState(signOutEverywhereAction, initialFormState);
  useEffect(() => {
    // This session ended too: go to the sign-in page.
    if (state.status === "success") router.replace("/sign-in");
  }, [state.status, router]);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="confirm" value="yes" />
      <p className="text-sm text-stone-600">{t("signOutEverywhereHint")}</p>
      <FormStatus state={state} />
      <SubmitButton variant="secondary">{t("signOutEverywhere")}</SubmitButton>
    </form>
  );
}
