import { z } from "zod";
import { NewPasswordSchema } from "./password";

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "required" }).max(1024),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    error: "password.mismatch",
    path: ["confirmPassword"],
  });

export const TotpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, { error: "totp.format" }),
});

export const SetPasswordSchema = z
  .object({
    token: z.string().min(20).max(200),
    password: NewPasswordSchema,
    confirmPassword: z.string(),
    totpCode: z
      .string()
      .trim()
      .max(16)
      .optional()
      .transform((value) => (value ? value : undefined)),
  })
  .refine((input) => input.password === input.confirmPassword, {
    error: "password.mismatch",
    path: ["confirmPassword"],
  });

/** A deliberate "yes" for actions with no other input, so that a stray request does nothing. */
export const ConfirmSchema = z.object({ confirm: z.literal("yes") });

export const EmptySchema = z.object({});
