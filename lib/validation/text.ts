import { z } from "zod";

// PostgreSQL cannot store U+0000 in text; other control characters (except tab and line
// breaks) have no place in a name or a narrative either.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** For schemas that shape their text otherwise (narratives, comments): `.refine(withoutControlCharacters, …)`. */
export const withoutControlCharacters = (value: string) => !FORBIDDEN_CONTROL.test(value);

/** User-entered text: trimmed, bounded, without control characters. */
export function textField({ max, required = true }: { max: number; required?: boolean }) {
  const base = z
    .string()
    .max(max * 4, { error: "text.tooLong" }) // bound the work before trimming a huge input
    .trim()
    .max(max, { error: "text.tooLong" })
    .refine(withoutControlCharacters, { error: "text.controlCharacters" });
  return required ? base.refine((value) => value.length > 0, { error: "required" }) : base;
}
