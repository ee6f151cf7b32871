import { z } from "zod";
import { OptionalDateSchema } from "./common";
import { textField } from "./text";

const optionalFilter = (max: number) =>
  textField({ max, required: false })
    .optional()
    .transform((value) => value || null);

/** The largest id of the audit log (PostgreSQL's bigint). */
const MAX_ID = 2n ** 63n - 1n;

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
      .union([
        z.literal(""),
        z
          .string()
          .regex(/^\d{1,19}$/, { error: "invalid", abort: true })
          .refine((value) => BigInt(value) <= MAX_ID, { error: "invalid" }),
      ])
      .optional()
      .transform((value) => (value ? BigInt(value) : null)),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { path: ["to"], error: "date.range" });
export type AuditLogFilter = z.infer<typeof AuditLogFilterSchema>;

