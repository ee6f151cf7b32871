import "server-only";
import { headers } from "next/headers";
import { z, type ZodType } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/auth/client-address";
import { getCurrentUser } from "@/lib/auth/session";
import { recordRefusedWrite } from "@/lib/data/audit";
import { markDatabaseDown } from "@/lib/database-status";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { env } from "@/lib/env";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { FormState } from "./form-state";

/** The caller's address, for the audit log. */
export async function requestAddress(): Promise<string> {
  return clientAddress(await headers(), env.TRUSTED_PROXY_HOPS);
}

function echo(formData: FormData, secretFields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$") && !secretFields.includes(key)) values[key] = value;
  }
  return values;
}

type Options<S extends ZodType> = {
  /** Names the action in the audit log when it is refused. */
  name: string;
  /** Whether the actor may run this action at all; checked before the input is even parsed. */
  allowed: (actor: Actor) => boolean;
  schema: S;
  /** Fields never echoed back to the form (passwords, codes). */
  secretFields?: readonly string[];
};

/**
 * The skeleton of every authenticated server action: who is asking (from the session, never
 * the form), may they, is the input valid, then the data-layer call — with expected errors
 * turned into a FormState and unexpected ones logged behind a generic message.
 */
export async function runAction<S extends ZodType, Data = undefined>(
  formData: FormData,
  options: Options<S>,
  perform: (actor: Actor, input: z.infer<S>, ip: string) => Promise<FormState<Data> | void>,
): Promise<FormState<Data>> {
  const values = echo(formData, options.secretFields ?? []);
  const actor = await getCurrentUser();
  if (!actor) return { status: "error", message: "errors.unauthenticated", values };
  const recordRefusal = async (reason: string) =>
    recordRefusedWrite({ actor, targetType: "action", target: options.name, ip: await requestAddress(), reason });
  if (!options.allowed(actor)) {
    await recordRefusal("role");
    return { status: "error", message: "errors.forbidden", values };
  }
  const parsed = options.schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { status: "error", message: "errors.invalid", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  try {
    const state = (await perform(actor, parsed.data, await requestAddress())) ?? { status: "success" };
    // A refusal returned by the action keeps what the user typed, like a thrown one.
    return state.status === "error" ? { values, ...state } : state;
  } catch (error) {
    if (error instanceof ForbiddenError) await recordRefusal(error.message);
    return { ...actionError(error), values };
  }
}

export function actionError(error: unknown): FormState<never> {
  if (error instanceof InvalidInputError) return { status: "error", message: "errors.invalid", fieldErrors: error.fieldErrors };
  if (error instanceof NotFoundError) return { status: "error", message: "errors.notFound" };
  if (error instanceof ForbiddenError) return { status: "error", message: "errors.forbidden" };
  if (error instanceof ConflictError) return { status: "error", message: `errors.${error.messageKey}` };
  if (isDatabaseUnavailable(error)) {
    markDatabaseDown();
    return { status: "error", message: "errors.unavailable" };
  }
  logger.error("unexpected action error", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return { status: "error", message: "errors.unexpected" };
}
