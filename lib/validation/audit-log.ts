import { z } from "zod";
import { OptionalDateSchema } from "./common";

const optionalFilter = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || null);

/** Filters of the audit log, from the page's query string or the API's. */
export const AuditLogFilterSchema = z
  .object({
    actor: optionalFilter(254),
    action: optionalFilter(100),
    targetType: optionalFilter(60),
    targetId: optionalFilter(200),
    from: OptionalDateSchema,
    to: OptionalDateSchema,
    /** Keyset pagination: rows older than this id. */
    before: z
      .union([z.literal(""), z.string().regex(/^\d{1,19}$/)])
      .optional()
      .transform((value) => (value ? BigInt(value) : null)),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { path: ["to"], error: "date.range" });
export type AuditLogFilter = z.infer<typeof AuditLogFilterSchema>;

