"use server";

import { refresh } from "next/cache";
import { canManageUsers } from "@/lib/auth/permissions";
import { createUser, handOverCountry, issuePasswordLink, resetTwoFactor, setUserActive, updateUser } from "@/lib/data/users";
import { CreateUserSchema, HandOverSchema, ResetTwoFactorSchema, SetUserActiveSchema, UpdateUserSchema, UserIdSchema } from "@/lib/validation/users";
import type { FormState } from "./form-state";
import { runAction } from "./run-action";

export type PasswordLink = { token: string; expiresAt: string };

export async function createUserAction(
  _previous: FormState<PasswordLink>,
  formData: FormData,
): Promise<FormState<PasswordLink>> {
  return runAction(formData, { name: "createUser", allowed: canManageUsers, schema: CreateUserSchema }, async (actor, input, ip) => {
    const { token, expiresAt } = await createUser(actor, input, ip);
    refresh();
    return { status: "success", message: "users.created", data: { token, expiresAt: expiresAt.toISOString() } };
  });
}

export async function updateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "updateUser", allowed: canManageUsers, schema: UpdateUserSchema }, async (actor, { userId, ...update }, ip) => {
    await updateUser(actor, userId, update, ip);
    refresh();
    return { status: "success", message: "users.updated" };
  });
}

export async function setUserActiveAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "setUserActive", allowed: canManageUsers, schema: SetUserActiveSchema }, async (actor, input, ip) => {
    await setUserActive(actor, input.userId, input.active, ip);
    refresh();
    return { status: "success", message: input.active ? "users.reactivated" : "users.deactivated" };
  });
}

export async function issuePasswordLinkAction(
  _previous: FormState<PasswordLink>,
  formData: FormData,
): Promise<FormState<PasswordLink>> {
  return runAction(formData, { name: "issuePasswordLink", allowed: canManageUsers, schema: UserIdSchema }, async (actor, input, ip) => {
    const { token, expiresAt } = await issuePasswordLink(actor, input.userId, ip);
    return { status: "success", message: "users.linkIssued", data: { token, expiresAt: expiresAt.toISOString() } };
  });
}

/** Removes a user's lost authenticator (the admin confirms with their own code); a role that requires one gets a set-password link to enrol anew. */
export async function resetTwoFactorAction(
  _previous: FormState<PasswordLink | null>,
  formData: FormData,
): Promise<FormState<PasswordLink | null>> {
  const options = { name: "resetTwoFactor", allowed: canManageUsers, schema: ResetTwoFactorSchema, secretFields: ["code"] };
  return runAction(formData, options, async (actor, input, ip) => {
    const { link } = await resetTwoFactor(actor, input, ip);
    refresh();
    return {
      status: "success",
      message: link ? "users.twoFactorResetWithLink" : "users.twoFactorReset",
      data: link ? { token: link.token, expiresAt: link.expiresAt.toISOString() } : null,
    };
  });
}

/** Changes a country's delegate; a new account comes with its one-time set-password link. */
export async function handOverCountryAction(
  _previous: FormState<PasswordLink | null>,
  formData: FormData,
): Promise<FormState<PasswordLink | null>> {
  return runAction(formData, { name: "handOverCountry", allowed: canManageUsers, schema: HandOverSchema }, async (actor, input, ip) => {
    const { link } = await handOverCountry(actor, input, ip);
    refresh();
    return {
      status: "success",
      message: "users.handedOver",
      data: link ? { token: link.token, expiresAt: link.expiresAt.toISOString() } : null,
    };
  });
}
