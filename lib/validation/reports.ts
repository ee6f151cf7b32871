import { z } from "zod";
import { STATUSES } from "@/lib/status-scale";
import { CommitmentCodeSchema } from "./commitment";
import { isStorableText, textField } from "./text";

export const NARRATIVE_MAX = 10_000;
export const REASON_MAX = 2_000;
export const LINKS_MAX = 20;
export const LINK_MAX_LENGTH = 2_048;
export const REVIEW_COMMENT_MAX = 2_000;
export const RATIONALE_MAX = 5_000;
export const COMMENT_MAX = 2_000;

/** Who may read a report's details, from the narrowest circle to the widest. */
export const VISIBILITIES = ["RESTRICTED", "MEMBERS", "OBSERVERS"] as const;

export const CountryCodeSchema = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: "country.invalid" });
const Commitment = z
  .string({ error: "commitment.invalid" })
  .trim()
  .refine((code) => CommitmentCodeSchema.safeParse(code).success, { error: "commitment.invalid" });

export const StatusSchema = z.enum(STATUSES, { error: "report.status" });
export const VisibilitySchema = z.enum(VISIBILITIES, { error: "report.visibility" });

/**
 * An evidence link: an absolute http(s) URL. Everything else — javascript:, data:, file:,
 * relative paths — is refused, so that a link can never run script or read local files.
 */
export const EvidenceLinkSchema = z
  .string()
  .trim()
  .max(LINK_MAX_LENGTH, { error: "link.tooLong", abort: true })
  // Kept as typed: a URL parses around a NUL or a lone surrogate, PostgreSQL does not.
  .refine(isStorableText, { error: "link.invalid", abort: true })
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "link.invalid" });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") ctx.addIssue({ code: "custom", message: "link.scheme" });
    else if (!url.hostname) ctx.addIssue({ code: "custom", message: "link.invalid" });
  });

const EvidenceLinksSchema = z.array(EvidenceLinkSchema).max(LINKS_MAX, { error: "link.tooMany" });

// Lengths are in characters as people count them: zod counts code points, not UTF-16 units.
const Narrative = textField({ max: NARRATIVE_MAX, required: false, tooLong: "report.narrativeTooLong" })
  // Line endings as browsers send them (CRLF) are stored as LF.
  .transform((text) => text.replace(/\r\n?/g, "\n"));

const Reason = textField({ max: REASON_MAX, required: false, tooLong: "report.reasonTooLong" });

/** The pair's version a report is based on; the next one (base + 1) must fit PostgreSQL's integer. */
const MAX_BASE_VERSION = 2_147_483_646;

const BaseVersion = z.coerce
  .number({ error: "report.baseVersion" })
  .int({ error: "report.baseVersion" })
  .min(0, { error: "report.baseVersion" })
  .max(MAX_BASE_VERSION, { error: "report.baseVersion" });

function reasonWhenNotApplicable(input: { status?: string | undefined; notApplicableReason?: string | undefined }, ctx: z.RefinementCtx) {
  if (input.status === "NOT_APPLICABLE" && !input.notApplicableReason) {
    ctx.addIssue({ code: "custom", path: ["notApplicableReason"], message: "report.reasonRequired" });
  }
}

/** POST /api/v1/reports. */
export const ReportSubmissionSchema = z
  .object({
    commitment: Commitment,
    country: CountryCodeSchema,
    status: StatusSchema,
    notApplicableReason: Reason.optional(),
    narrative: Narrative.default(""),
    evidenceLinks: EvidenceLinksSchema.default([]),
    visibility: VisibilitySchema.default("RESTRICTED"),
    baseVersion: z
      .number({ error: "report.baseVersion" })
      .int({ error: "report.baseVersion" })
      .min(0, { error: "report.baseVersion" })
      .max(MAX_BASE_VERSION, { error: "report.baseVersion" }),
  })
  .superRefine(reasonWhenNotApplicable)
  .transform(({ notApplicableReason, ...input }) => ({
    ...input,
    notApplicableReason: input.status === "NOT_APPLICABLE" ? (notApplicableReason ?? null) : null,
  }));
export type ReportSubmissionInput = z.infer<typeof ReportSubmissionSchema>;

/** Just the pair a request is about: checked for permission before the rest is parsed. */
export const PairSchema = z.object({ commitment: Commitment, country: CountryCodeSchema });

/** A page of a pair's timeline holds this many entries unless asked otherwise (page and API). */
export const TIMELINE_PAGE_SIZE = 20;
export const TIMELINE_PAGE_MAX = 100;

/** Where a page of a timeline ends: the time and id of its oldest entry (newest first, ties by id). */
export type TimelineCursor = { at: Date; id: string };

/** The cursor as it travels in URLs (`?before=`): milliseconds since the epoch, "_", the entry's id. */
export function encodeTimelineCursor(entry: TimelineCursor): string {
  return `${entry.at.getTime()}_${entry.id}`;
}

export const TimelineCursorSchema = z
  .string()
  .regex(/^\d{1,15}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  .transform((value): TimelineCursor => {
    const [ms, id] = value.split("_") as [string, string];
    return { at: new Date(Number(ms)), id };
  })
  .refine((cursor) => !Number.isNaN(cursor.at.getTime()));

/** `?limit=&before=` of a timeline page; both optional. */
export const TimelinePageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(TIMELINE_PAGE_MAX).default(TIMELINE_PAGE_SIZE),
  before: TimelineCursorSchema.optional(),
});
export type TimelinePage = z.infer<typeof TimelinePageSchema>;

/** Links typed in a form, one per line (read no further than 20 links of the longest kind). */
const LinkLines = z
  .string()
  .max(LINKS_MAX * (LINK_MAX_LENGTH + 2), { error: "link.tooMany" })
  .default("")
  .transform((text) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))
  .pipe(EvidenceLinksSchema);

/** The delegate's report form: save a draft, or submit. The country is always the delegate's own. */
export const ReportFormSchema = z
  .object({
    intent: z.enum(["draft", "submit"]),
    commitment: Commitment,
    status: z
      .union([z.literal(""), StatusSchema])
      .optional()
      .transform((value) => (value ? value : null)),
    notApplicableReason: Reason.default(""),
    narrative: Narrative.default(""),
    evidenceLinks: LinkLines,
    visibility: VisibilitySchema.default("RESTRICTED"),
    baseVersion: BaseVersion,
  })
  .superRefine((input, ctx) => {
    if (input.intent === "submit" && !input.status) {
      ctx.addIssue({ code: "custom", path: ["status"], message: "report.statusRequired" });
    }
    if (input.intent === "submit") reasonWhenNotApplicable({ ...input, status: input.status ?? undefined }, ctx);
  })
  .transform(({ notApplicableReason, ...input }) => ({
    ...input,
    notApplicableReason: input.status === "NOT_APPLICABLE" && notApplicableReason ? notApplicableReason : null,
  }));
export type ReportFormInput = z.infer<typeof ReportFormSchema>;

export const EvidenceFileIdSchema = z.object({ fileId: z.uuid() });

const ReviewComment = textField({ max: REVIEW_COMMENT_MAX, required: false, tooLong: "review.commentTooLong" }).default("");

function commentWhenReturned(input: { decision: string; comment: string }, ctx: z.RefinementCtx) {
  if (input.decision === "RETURN" && !input.comment) {
    ctx.addIssue({ code: "custom", path: ["comment"], message: "review.commentRequired" });
  }
}

/** POST /api/v1/reports/{id}/review. */
export const ReviewSchema = z
  .object({ decision: z.enum(["VALIDATE", "RETURN"], { error: "review.decision" }), comment: ReviewComment })
  .superRefine(commentWhenReturned);
export type ReviewInput = z.infer<typeof ReviewSchema>;

export const ReviewFormSchema = z
  .object({ reportId: z.uuid(), decision: z.enum(["VALIDATE", "RETURN"], { error: "review.decision" }), comment: ReviewComment })
  .superRefine(commentWhenReturned);

const Rationale = textField({
  max: RATIONALE_MAX,
  tooLong: "assessment.rationaleTooLong",
  missing: "assessment.rationaleRequired",
});

const OptionalId = z
  .union([z.literal(""), z.uuid()])
  .nullish()
  .transform((value) => (value ? value : null));

/** PUT /api/v1/assessments. `baseAssessmentId`: the assessment this one replaces (optional in the API). */
export const AssessmentSchema = z.object({
  commitment: Commitment,
  country: CountryCodeSchema,
  score: z.union([z.literal(-1), z.literal(0), z.literal(1)], { error: "assessment.score" }),
  rationale: Rationale,
  baseAssessmentId: OptionalId.optional(),
});
export type AssessmentInput = z.infer<typeof AssessmentSchema>;

export const AssessmentFormSchema = z.object({
  commitment: Commitment,
  country: CountryCodeSchema,
  score: z.enum(["-1", "0", "1"], { error: "assessment.score" }).transform((value) => Number(value) as -1 | 0 | 1),
  rationale: Rationale,
  // The form always says what it was based on: "" when there was no assessment yet.
  baseAssessmentId: z.union([z.literal(""), z.uuid()]).transform((value) => (value ? value : null)),
});

export const CommentSchema = z.object({
  commitment: Commitment,
  country: CountryCodeSchema,
  body: textField({ max: COMMENT_MAX, tooLong: "comment.tooLong" }),
});
export type CommentInput = z.infer<typeof CommentSchema>;

/** GET /review filters. */
export const ReviewQueueFilterSchema = z.object({
  country: z.union([z.literal(""), CountryCodeSchema]).optional().catch(undefined).transform((v) => v || undefined),
  commitment: z.union([z.literal(""), CommitmentCodeSchema]).optional().catch(undefined).transform((v) => v || undefined),
  theme: z.union([z.literal(""), z.string().regex(/^[a-z0-9-]{1,64}$/)]).optional().catch(undefined).transform((v) => v || undefined),
});
