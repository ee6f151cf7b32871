import { z } from "zod";
import { withoutControlCharacters } from "./text";

/** A calendar date from an <input type="date">, as the UTC midnight PostgreSQL's DATE columns hold. */
export const DateOnlySchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date.invalid" })
  .transform((value, ctx) => {
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      ctx.addIssue({ code: "custom", message: "date.invalid" });
      return z.NEVER;
    }
    return date;
  });

/** An optional date: empty means none. */
export const OptionalDateSchema = z
  .union([z.literal(""), DateOnlySchema])
  .optional()
  .transform((value) => (value instanceof Date ? value : null));

export const requiredText = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(max, { error: "tooLong" })
    .refine(withoutControlCharacters, { error: "text.controlCharacters" });

/** Optional text: absent and blank both become "". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .refine(withoutControlCharacters, { error: "text.controlCharacters" })
    .optional()
    .transform((value) => value ?? "");

/** A checkbox: present ("on") is true. */
export const CheckboxSchema = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** The date of `date` (UTC) as YYYY-MM-DD, for <input type="date"> and the API. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first value of each query parameter, for the schema. */
export function searchParamsObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const result: Record<string, string> = {};
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && !(key in result)) result[key] = first;
  }
  return result;
}
