import { z } from "zod";

// PostgreSQL cannot store U+0000 in text; other control characters (except tab and line
// breaks) have no place in a name or a narrative either. A lone surrogate (half of a UTF-16
// pair, which a JSON body can spell "\ud800") is no character at all: PostgreSQL's JSON
// refuses it (the audit log's before/after), and its text columns would store U+FFFD instead.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether text can be stored and shown back as typed: no control characters, no lone surrogates. */
export function isStorableText(value: string): boolean {
  return !FORBIDDEN_CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

type TextFieldOptions = {
  /** In characters as people count them: zod counts code points (an emoji is one). */
  max: number;
  required?: boolean;
  /** Message keys (forms.fields.*) for text that is too long, and for text that is missing. */
  tooLong?: string;
  missing?: string;
};

/** User-entered text: trimmed, bounded, without control characters or lone surrogates. */
export function textField({ max, required = true, tooLong = "text.tooLong", missing = "required" }: TextFieldOptions) {
  const base = z
    .string({ error: (issue) => (issue.input === undefined ? missing : "invalid") })
    .max(max * 4, { error: tooLong, abort: true }) // bound the work before trimming a huge input
    .trim()
    .max(max, { error: tooLong, abort: true })
    .refine(isStorableText, { error: "text.controlCharacters" });
  return required ? base.refine((value) => value.length > 0, { error: missing }) : base;
}
