import { z } from "zod";
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

export const SetUserActiveSchema = z.object({
  userId: z.uuid(),
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});
