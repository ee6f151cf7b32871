"use server";

import { refresh } from "next/cache";
import { canManageRounds, canSendReminders } from "@/lib/auth/permissions";
import { sendReminders, type ReminderOutcome } from "@/lib/data/reminders";
import { createRound, updateRound } from "@/lib/data/rounds";
import { CreateRoundSchema, SendRemindersSchema, UpdateRoundSchema } from "@/lib/validation/rounds";
import type { FormState } from "./form-state";
import { runAction } from "./run-action";

export async function createRoundAction(_previous: FormState<{ id: string }>, formData: FormData): Promise<FormState<{ id: string }>> {
  return runAction(formData, { name: "createRound", allowed: canManageRounds, schema: CreateRoundSchema }, async (actor, input, ip) => {
    const { id } = await createRound(actor, input, ip);
    refresh();
    return { status: "success", message: "saved.roundCreated", data: { id } };
  });
}

export async function updateRoundAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "updateRound", allowed: canManageRounds, schema: UpdateRoundSchema }, async (actor, input, ip) => {
    await updateRound(actor, input, ip);
    refresh();
    return { status: "success", message: "saved.round" };
  });
}

export async function sendRemindersAction(_previous: FormState<ReminderOutcome>, formData: FormData): Promise<FormState<ReminderOutcome>> {
  return runAction(formData, { name: "sendReminders", allowed: canSendReminders, schema: SendRemindersSchema }, async (actor, input, ip) => {
    const outcome = await sendReminders(actor, input, ip);
    refresh();
    return { status: "success", message: "saved.remindersSent", data: outcome };
  });
}
