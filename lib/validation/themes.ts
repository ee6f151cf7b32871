import { z } from "zod";
import { requiredText } from "./common";
import { withoutControlCharacters } from "./text";

export const ThemeKeySchema = z
  .string({ error: "theme.key" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "theme.key" })
  .max(60, { error: "theme.key" });

/** Keywords as typed in a textarea: one per line (commas belong to Arabic and English phrases alike). */
export const KeywordsSchema = z
  .string()
  .max(20_000, { error: "tooLong" })
  .optional()
  .transform((value) => [...new Set((value ?? "").split(/\r?\n/).map((line) => line.trim().replace(/\s+/g, " ")).filter(Boolean))])
  .pipe(z.array(z.string().max(120, { error: "theme.keyword" }).refine(withoutControlCharacters, { error: "text.controlCharacters" })).max(200, { error: "tooLong" }));

const themeFields = {
  nameAr: requiredText(200),
  nameEn: requiredText(200),
  keywords: KeywordsSchema,
  sortOrder: z.union([z.literal(""), z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(0).max(10_000)]).optional().transform((v) => (typeof v === "number" ? v : null)),
};

export const CreateThemeSchema = z.object({ key: ThemeKeySchema, ...themeFields });
export type CreateThemeInput = z.infer<typeof CreateThemeSchema>;

export const UpdateThemeSchema = z.object({ themeId: z.uuid(), ...themeFields });
export type UpdateThemeInput = z.infer<typeof UpdateThemeSchema>;
