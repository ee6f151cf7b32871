import { z } from "zod";
import { EmailSchema } from "./password";

/** What a sign-in attempt carries; the password is checked, not validated, here. */
export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(1024),
  totp: z
    .string()
    .trim()
    .max(32)
    .optional()
    .transform((value) => (value ? value : undefined)),
});

export type SignInInput = z.infer<typeof SignInSchema>;
