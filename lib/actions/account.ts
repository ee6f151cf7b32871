"use server";

import QRCode from "qrcode";
import { canReadDashboard } from "@/lib/auth/permissions";
import {
  changeOwnPassword,
  confirmTotpEnrollment,
  disableTotp,
  signOutEverywhere,
  startTotpEnrollment,
} from "@/lib/data/accounts";
import { ChangePasswordSchema, ConfirmSchema, EmptySchema, TotpCodeSchema } from "@/lib/validation/account";
import type { FormState } from "./form-state";
import { runAction } from "./run-action";

// Every signed-in user manages their own account; `canReadDashboard` is "signed in".
const signedIn = canReadDashboard;

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(
    formData,
    { name: "changePassword", allowed: signedIn, schema: ChangePasswordSchema, secretFields: ["currentPassword", "newPassword", "confirmPassword"] },
    async (actor, input, ip) => {
      await changeOwnPassword(actor, input, ip);
      return { status: "success", message: "account.passwordChanged" };
    },
  );
}

export async function signOutEverywhereAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "signOutEverywhere", allowed: signedIn, schema: ConfirmSchema }, async (actor, _input, ip) => {
    await signOutEverywhere(actor, ip);
    return { status: "success", message: "account.signedOutEverywhere" };
  });
}

export type EnrollmentData = { secret: string; uri: string; qrDataUrl: string };

export async function startTotpEnrollmentAction(
  _previous: FormState<EnrollmentData>,
  formData: FormData,
): Promise<FormState<EnrollmentData>> {
  return runAction(formData, { name: "startTotpEnrollment", allowed: signedIn, schema: EmptySchema }, async (actor) => {
    const enrollment = await startTotpEnrollment(actor);
    const qrDataUrl = await QRCode.toDataURL(enrollment.uri, { margin: 1, width: 200 });
    return { status: "success", data: { ...enrollment, qrDataUrl } };
  });
}

export async function confirmTotpEnrollmentAction(
  _previous: FormState<string[]>,
  formData: FormData,
): Promise<FormState<string[]>> {
  return runAction(formData, { name: "confirmTotpEnrollment", allowed: signedIn, schema: TotpCodeSchema, secretFields: ["code"] }, async (actor, input, ip) => {
    const recoveryCodes = await confirmTotpEnrollment(actor, input.code, ip);
    return { status: "success", message: "account.totpEnabled", data: recoveryCodes };
  });
}

export async function disableTotpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "disableTotp", allowed: signedIn, schema: TotpCodeSchema, secretFields: ["code"] }, async (actor, input, ip) => {
    await disableTotp(actor, input.code, ip);
    return { status: "success", message: "account.totpDisabled" };
  });
}
