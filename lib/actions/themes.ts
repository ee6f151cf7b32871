"use server";

import { refresh } from "next/cache";
import { canManageSessions } from "@/lib/auth/permissions";
import { createTheme, updateTheme } from "@/lib/data/themes";
import { CreateThemeSchema, UpdateThemeSchema } from "@/lib/validation/themes";
import type { FormState } from "./form-state";
import { runAction } from "./run-action";

export async function createThemeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "createTheme", allowed: canManageSessions, schema: CreateThemeSchema }, async (actor, input, ip) => {
    await createTheme(actor, input, ip);
    refresh();
    return { status: "success", message: "saved.themeCreated" };
  });
}

export async function updateThemeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "updateTheme", allowed: canManageSessions, schema: UpdateThemeSchema }, async (actor, input, ip) => {
    await updateTheme(actor, input, ip);
    refresh();
    return { status: "success", message: "saved.theme" };
  });
}
