"use server";

import { refresh } from "next/cache";
import { canManageSessions } from "@/lib/auth/permissions";
import {
  carryOverCommitments,
  createCommitment,
  createCouncilSession,
  deleteCommitment,
  reinstateCommitment,
  updateCommitment,
  updateCommunique,
  updateCouncilSession,
  withdrawCommitment,
} from "@/lib/data/council-sessions";
import { createCommitmentsFromImport } from "@/lib/data/import";
import {
  CarryOverSchema,
  CommitmentIdSchema,
  CommuniqueSchema,
  CreateCommitmentSchema,
  CreateSessionSchema,
  ImportCommitmentsSchema,
  UpdateCommitmentSchema,
  UpdateSessionSchema,
  WithdrawCommitmentSchema,
} from "@/lib/validation/council-sessions";
import type { FormState } from "./form-state";
import { runAction } from "./run-action";

export async function createSessionAction(_previous: FormState<{ number: number }>, formData: FormData): Promise<FormState<{ number: number }>> {
  return runAction(formData, { name: "createSession", allowed: canManageSessions, schema: CreateSessionSchema }, async (actor, input, ip) => {
    const { number } = await createCouncilSession(actor, input, ip);
    refresh();
    return { status: "success", message: "saved.sessionCreated", data: { number } };
  });
}

export async function updateSessionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "updateSession", allowed: canManageSessions, schema: UpdateSessionSchema }, async (actor, input, ip) => {
    await updateCouncilSession(actor, input, ip);
    refresh();
    return { status: "success", message: "saved.session" };
  });
}

export async function updateCommuniqueAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "updateCommunique", allowed: canManageSessions, schema: CommuniqueSchema }, async (actor, input, ip) => {
    await updateCommunique(actor, input, ip);
    refresh();
    return { status: "success", message: "saved.communique" };
  });
}

export async function createCommitmentAction(_previous: FormState<{ code: string }>, formData: FormData): Promise<FormState<{ code: string }>> {
  return runAction(formData, { name: "createCommitment", allowed: canManageSessions, schema: CreateCommitmentSchema }, async (actor, input, ip) => {
    const { code } = await createCommitment(actor, input.sessionNumber, input.commitment, ip);
    refresh();
    return { status: "success", message: "saved.commitmentCreated", data: { code } };
  });
}

export async function updateCommitmentAction(_previous: FormState<{ code: string }>, formData: FormData): Promise<FormState<{ code: string }>> {
  return runAction(formData, { name: "updateCommitment", allowed: canManageSessions, schema: UpdateCommitmentSchema }, async (actor, input, ip) => {
    const { code } = await updateCommitment(actor, input.commitmentId, input.commitment, ip);
    refresh();
    return { status: "success", message: "saved.commitment", data: { code } };
  });
}

export async function deleteCommitmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "deleteCommitment", allowed: canManageSessions, schema: CommitmentIdSchema }, async (actor, input, ip) => {
    await deleteCommitment(actor, input.commitmentId, ip);
    refresh();
    return { status: "success", message: "saved.commitmentDeleted" };
  });
}

export async function withdrawCommitmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "withdrawCommitment", allowed: canManageSessions, schema: WithdrawCommitmentSchema }, async (actor, input, ip) => {
    await withdrawCommitment(actor, input.commitmentId, input.reason, ip);
    refresh();
    return { status: "success", message: "saved.commitmentWithdrawn" };
  });
}

export async function reinstateCommitmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "reinstateCommitment", allowed: canManageSessions, schema: CommitmentIdSchema }, async (actor, input, ip) => {
    await reinstateCommitment(actor, input.commitmentId, ip);
    refresh();
    return { status: "success", message: "saved.commitmentReinstated" };
  });
}

export async function carryOverAction(_previous: FormState<{ codes: string[] }>, formData: FormData): Promise<FormState<{ codes: string[] }>> {
  return runAction(formData, { name: "carryOver", allowed: canManageSessions, schema: CarryOverSchema }, async (actor, input, ip) => {
    const { codes } = await carryOverCommitments(actor, input.sessionNumber, input.commitmentIds, ip);
    refresh();
    return { status: "success", message: "saved.carriedOver", data: { codes } };
  });
}

/** The importer's last step: the reviewed proposals become the session's commitments, all at once. */
export async function importCommitmentsAction(_previous: FormState<{ codes: string[] }>, formData: FormData): Promise<FormState<{ codes: string[] }>> {
  return runAction(
    formData,
    { name: "importCommitments", allowed: canManageSessions, schema: ImportCommitmentsSchema, secretFields: ["items"] },
    async (actor, input, ip) => {
      const { codes } = await createCommitmentsFromImport(actor, input.sessionNumber, input.items, ip);
      refresh();
      return { status: "success", message: "saved.imported", data: { codes } };
    },
  );
}
