import { z } from "zod";
// Common passwords of 12 characters or more (lower-case): the "passwords" list of
// @zxcvbn-ts/language-common 4.1.3 (MIT), plus obvious local additions.
import commonPasswords from "./common-passwords.json";

const COMMON = new Set(commonPasswords);

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** NIST SP 800-63B: length, no composition rules, not a known common password. */
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, { error: "password.tooShort" })
  .max(PASSWORD_MAX, { error: "password.tooLong" })
  .refine((password) => !COMMON.has(password.toLowerCase()), { error: "password.common" });

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "email.invalid" }).max(254, { error: "email.invalid" }));
