import { z } from "zod";
import { TotpCodeSchema } from "./account";
import { EmailSchema } from "./password";
import { textField } from "./text";

const RoleSchema = z.enum(["ADMIN", "SECRETARIAT", "DELEGATE", "OBSERVER"], { error: "role.invalid" });
const CountryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: "country.invalid" });

// A delegate belongs to exactly one country; every other role to none.
const roleAndCountry = <T extends { role: string; countryCode?: string | undefined }>(input: T, ctx: z.RefinementCtx) => {
  if (input.role === "DELEGATE" && !input.countryCode) {
    ctx.addIssue({ code: "custom", path: ["countryCode"], message: "country.requiredForDelegate" });
  }
};

const optionalCountry = z
  .union([z.literal(""), CountryCodeSchema])
  .optional()
  .transform((value) => (value ? value : undefined));

export const CreateUserSchema = z
  .object({
    email: EmailSchema,
    name: textField({ max: 200 }),
    role: RoleSchema,
    countryCode: optionalCountry,
  })
  .superRefine(roleAndCountry)
  .transform((input) => ({ ...input, countryCode: input.role === "DELEGATE" ? (input.countryCode ?? null) : null }));

export const UpdateUserSchema = z
  .object({
    userId: z.uuid(),
    name: textField({ max: 200 }),
    role: RoleSchema,
    countryCode: optionalCountry,
  })
  .superRefine(roleAndCountry)
  .transform((input) => ({ ...input, countryCode: input.role === "DELEGATE" ? (input.countryCode ?? null) : null }));

export const UserIdSchema = z.object({ userId: z.uuid() });

/** Whose authenticator to remove, and the acting admin's own current code, asked again. */
export const ResetTwoFactorSchema = z.object({ userId: z.uuid(), code: TotpCodeSchema.shape.code });

export const SetUserActiveSchema = z.object({
  userId: z.uuid(),
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});

/**
 * A country's new delegate: an existing account (which becomes the country's delegate) or a new
 * one; the outgoing delegates are deactivated unless asked otherwise.
 */
export const HandOverSchema = z
  .object({
    countryCode: CountryCodeSchema,
    newUserId: z.union([z.literal(""), z.uuid({ error: "handover.user" })]).optional(),
    newEmail: z.union([z.literal(""), EmailSchema]).optional(),
    newName: textField({ max: 200, required: false }).optional(),
    keepPrevious: z.string().optional().transform((value) => value === "on"),
  })
  .superRefine((input, ctx) => {
    const existing = Boolean(input.newUserId);
    const fresh = Boolean(input.newEmail);
    if (existing === fresh) ctx.addIssue({ code: "custom", path: ["newUserId"], message: "handover.oneOf" });
    if (fresh && !input.newName) ctx.addIssue({ code: "custom", path: ["newName"], message: "required" });
  })
  .transform((input) => ({
    countryCode: input.countryCode,
    newDelegate: input.newUserId
      ? ({ userId: input.newUserId } as const)
      : ({ email: input.newEmail!, name: input.newName! } as const),
    deactivatePrevious: !input.keepPrevious,
  }));
export type HandOverInput = z.infer<typeof HandOverSchema>;

/** The users list's filters (query string). */
export const UserFilterSchema = z.object({
  q: textField({ max: 200, required: false })
    .optional()
    .transform((value) => value || null),
  role: z.union([z.literal(""), RoleSchema]).optional().transform((value) => value || null),
  country: z.union([z.literal(""), CountryCodeSchema]).optional().transform((value) => value || null),
  state: z.enum(["active", "inactive", "all"]).optional().transform((value) => value ?? "all"),
});
export type UserFilter = z.infer<typeof UserFilterSchema>;
