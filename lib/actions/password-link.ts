"use server";

import { z } from "zod";
import { setPasswordWithLink } from "@/lib/data/accounts";
import { SetPasswordSchema } from "@/lib/validation/account";
import type { FormState } from "./form-state";
import { actionError, requestAddress } from "./run-action";

/** Public by design: the one-time token in the link is the credential. */
export async function setPasswordAction(
  _previous: FormState<string[] | null>,
  formData: FormData,
): Promise<FormState<string[] | null>> {
  const parsed = SetPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { status: "error", message: "errors.invalid", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }
  try {
    const result = await setPasswordWithLink(parsed.data, await requestAddress());
    return { status: "success", message: "setPassword.done", data: result.recoveryCodes };
  } catch (error) {
    return actionError(error);
  }
}
