"use server";

import { refresh } from "next/cache";
import { canReadDashboard } from "@/lib/auth/permissions";
import { markNotificationsRead } from "@/lib/data/notifications";
import { MarkNotificationsReadSchema } from "@/lib/validation/notifications";
import type { FormState } from "./form-state";
import { runAction } from "./run-action";

// Everyone signed in reads their own notifications; `canReadDashboard` is "signed in".
export async function markNotificationsReadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "markNotificationsRead", allowed: canReadDashboard, schema: MarkNotificationsReadSchema }, async (actor, input, ip) => {
    await markNotificationsRead(actor, input.notificationId, ip);
    refresh();
    return { status: "success", message: "saved.notificationsRead" };
  });
}
