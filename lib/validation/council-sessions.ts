import { z } from "zod";
import { DateOnlySchema, OptionalDateSchema, optionalText, requiredText } from "./common";
import { textField } from "./text";

/** Longest communiqué accepted (the importer reads 250 kB in well under a second). */
export const MAX_COMMUNIQUE_CHARS = 200_000;
export const MAX_COMMITMENT_TEXT = 5_000;

export const SessionNumberSchema = z.coerce
  .number({ error: "session.number" })
  .int({ error: "session.number" })
  .min(1, { error: "session.number" })
  .max(9999, { error: "session.number" });

const sessionFields = {
  cityAr: requiredText(200),
  cityEn: requiredText(200),
  titleAr: requiredText(300),
  titleEn: requiredText(300),
  startsOn: DateOnlySchema,
  endsOn: OptionalDateSchema,
  communiqueAr: requiredText(MAX_COMMUNIQUE_CHARS),
  communiqueEn: optionalText(MAX_COMMUNIQUE_CHARS),
};

const datesInOrder = (input: { startsOn: Date; endsOn: Date | null }) => !input.endsOn || input.startsOn <= input.endsOn;

export const CreateSessionSchema = z
  .object({ number: SessionNumberSchema, ...sessionFields })
  .refine(datesInOrder, { path: ["endsOn"], error: "session.endsBeforeStart" });
export type CreateSessionInput = z.infer<typeof CreateSessionSchema>;

export const UpdateSessionSchema = z
  .object({ sessionNumber: SessionNumberSchema, ...sessionFields })
  .refine(datesInOrder, { path: ["endsOn"], error: "session.endsBeforeStart" });
export type UpdateSessionInput = z.infer<typeof UpdateSessionSchema>;

/** "36/4": the session's number, then the commitment's position in it. */
export const COMMITMENT_CODE = /^[1-9]\d{0,3}\/[1-9]\d{0,3}$/;
const CodeSchema = z.string({ error: "commitment.code" }).trim().regex(COMMITMENT_CODE, { error: "commitment.code" });
/** A theme's key as the select sends it (themes.ts decides what a key may be). */
const ThemeKeySchema = z
  .string({ error: "theme.required" })
  .trim()
  .min(1, { error: "theme.required" })
  .max(60, { error: "theme.unknown" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "theme.unknown" });

/**
 * A commitment's words. Title and text are each needed in one language at least: an imported
 * communiqué comes in one, and the translation may follow.
 */
const commitmentWords = {
  code: CodeSchema,
  themeKey: ThemeKeySchema,
  titleAr: optionalText(300),
  titleEn: optionalText(300),
  textAr: optionalText(MAX_COMMITMENT_TEXT),
  textEn: optionalText(MAX_COMMITMENT_TEXT),
  sourceAr: optionalText(MAX_COMMITMENT_TEXT),
};

function wordsPresent(input: { titleAr: string; titleEn: string; textAr: string; textEn: string }, ctx: z.RefinementCtx) {
  if (!input.titleAr && !input.titleEn) ctx.addIssue({ code: "custom", path: ["titleAr"], message: "commitment.titleRequired" });
  if (!input.textAr && !input.textEn) ctx.addIssue({ code: "custom", path: ["textAr"], message: "commitment.textRequired" });
}

const commitmentRules = {
  dueRule: z.enum(["none", "date", "daysBefore"], { error: "commitment.dueRule" }).default("none"),
  dueDate: OptionalDateSchema,
  dueDaysBeforeNextSession: z
    .union([
      z.literal(""),
      z.coerce
        .number({ error: "commitment.dueDays" })
        .int({ error: "commitment.dueDays" })
        .min(1, { error: "commitment.dueDays" })
        .max(3650, { error: "commitment.dueDays" }),
    ])
    .optional(),
  previousCode: z.union([z.literal(""), CodeSchema]).optional(),
  linkKind: z.union([z.literal(""), z.enum(["CONTINUES", "AMENDS"], { error: "commitment.linkKind" })]).optional(),
};

type CommitmentForm = z.infer<z.ZodObject<typeof commitmentWords & typeof commitmentRules>>;

function rulesConsistent(input: CommitmentForm, ctx: z.RefinementCtx) {
  wordsPresent(input, ctx);
  if (input.dueRule === "date" && !input.dueDate) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "date.invalid" });
  if (input.dueRule === "daysBefore" && typeof input.dueDaysBeforeNextSession !== "number") {
    ctx.addIssue({ code: "custom", path: ["dueDaysBeforeNextSession"], message: "commitment.dueDays" });
  }
  if (input.previousCode && !input.linkKind) ctx.addIssue({ code: "custom", path: ["linkKind"], message: "commitment.linkKind" });
}

function toCommitmentInput(input: CommitmentForm) {
  const { dueRule, dueDate, dueDaysBeforeNextSession, previousCode, linkKind, ...words } = input;
  return {
    ...words,
    dueDate: dueRule === "date" ? dueDate : null,
    dueDaysBeforeNextSession:
      dueRule === "daysBefore" && typeof dueDaysBeforeNextSession === "number" ? dueDaysBeforeNextSession : null,
    previous: previousCode && linkKind ? { code: previousCode, linkKind } : null,
  };
}

export type CommitmentInput = ReturnType<typeof toCommitmentInput>;

export const CreateCommitmentSchema = z
  .object({ sessionNumber: SessionNumberSchema, ...commitmentWords, ...commitmentRules })
  .superRefine(rulesConsistent)
  .transform(({ sessionNumber, ...input }) => ({ sessionNumber, commitment: toCommitmentInput(input) }));

export const UpdateCommitmentSchema = z
  .object({ commitmentId: z.uuid(), ...commitmentWords, ...commitmentRules })
  .superRefine(rulesConsistent)
  .transform(({ commitmentId, ...input }) => ({ commitmentId, commitment: toCommitmentInput(input) }));

export const CommitmentIdSchema = z.object({ commitmentId: z.uuid() });

export const WithdrawCommitmentSchema = z.object({
  commitmentId: z.uuid(),
  reason: requiredText(1000),
});

/** Carry-over: one checkbox per commitment, named `carry:<id>`, so that the form works without script. */
export const CarryOverSchema = z
  .object({ sessionNumber: SessionNumberSchema })
  .catchall(z.unknown())
  .transform((input, ctx) => {
    const ids = Object.entries(input)
      .filter(([key, value]) => key.startsWith("carry:") && value === "on")
      .map(([key]) => key.slice("carry:".length));
    if (ids.length === 0 || ids.length > 500 || !ids.every((id) => z.uuid().safeParse(id).success)) {
      ctx.addIssue({ code: "custom", path: ["commitments"], message: "carryOver.none" });
      return z.NEVER;
    }
    return { sessionNumber: input.sessionNumber, commitmentIds: ids };
  });

/** One reviewed proposal of the importer, as it becomes a commitment. */
export const ImportItemSchema = z.object(commitmentWords).superRefine(wordsPresent);
export type ImportItem = z.infer<typeof ImportItemSchema>;

export const MAX_IMPORT_ITEMS = 200;

/** The secretariat's reviewed proposals, created in one step: a JSON array in one form field. */
export const ImportCommitmentsSchema = z.object({
  sessionNumber: SessionNumberSchema,
  items: z
    .string({ error: "import.items" })
    .max(1_000_000, { error: "import.tooMany" })
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "import.items" });
        return z.NEVER;
      }
    })
    .pipe(z.array(ImportItemSchema, { error: "import.items" }).min(1, { error: "import.none" }).max(MAX_IMPORT_ITEMS, { error: "import.tooMany" })),
});

/** The importer over the API and the import screen: a communiqué and, optionally, its language. */
export const ProposalsRequestSchema = z.object({
  text: z.string({ error: "required" }).min(1, { error: "required" }).max(MAX_COMMUNIQUE_CHARS, { error: "tooLong" }),
  language: z.enum(["ar", "en"]).optional(),
});

/** Replaces a session's communiqué in one language (from the import screen); the Arabic one is required. */
export const CommuniqueSchema = z
  .object({
    sessionNumber: SessionNumberSchema,
    language: z.enum(["ar", "en"]),
    text: textField({ max: MAX_COMMUNIQUE_CHARS, required: false, tooLong: "tooLong" }),
  })
  .refine((input) => input.language === "en" || input.text.length > 0, { path: ["text"], error: "required" });

