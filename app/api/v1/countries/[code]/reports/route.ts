import { apiRoute } from "@/lib/api/handler";
import { json, jsonError } from "@/lib/api/respond";
import { getPairView, type TimelineEntry } from "@/lib/data/history";
import { NotFoundError } from "@/lib/errors";
import { PairSchema, TIMELINE_PAGE_MAX, TimelinePageSchema } from "@/lib/validation/reports";

export const dynamic = "force-dynamic";

function entry(e: TimelineEntry) {
  const author = { name: e.author.name, role: e.author.role };
  const at = e.at.toISOString();
  switch (e.kind) {
    case "report":
      return {
        type: "report",
        id: e.id,
        version: e.version,
        status: e.status,
        previousStatus: e.previousStatus,
        notApplicableReason: e.notApplicableReason,
        narrative: e.narrative,
        evidenceLinks: e.evidenceLinks,
        evidenceFiles: e.files.map((f) => ({ ...f, url: `/api/v1/evidence/${f.id}` })),
        visibility: e.visibility,
        round: e.round,
        author,
        at,
        review: e.review ? { ...e.review, at: e.review.at.toISOString() } : null,
      };
    case "review":
      return { type: "review", id: e.id, reportVersion: e.reportVersion, decision: e.decision, comment: e.comment, author, at };
    case "assessment":
      return { type: "assessment", id: e.id, score: e.score, previousScore: e.previousScore, rationale: e.rationale, author, at };
    case "comment":
      return { type: "comment", id: e.id, body: e.body, author, at };
  }
}

/**
 * GET /api/v1/countries/{code}/reports?commitment=35/6[&limit=20][&before=…] — the pair's current
 * state and one page of the timeline the caller may see, newest first; `nextBefore` is the
 * `before` of the next (older) page, null on the last one.
 */
export const GET = apiRoute<{ code: string }>(async (request, actor, { code }) => {
  const search = request.nextUrl.searchParams;
  const parsed = PairSchema.safeParse({ commitment: search.get("commitment") ?? "", country: code });
  if (!parsed.success) return jsonError(400, "bad_request", "Give a commitment code, e.g. ?commitment=35/6, and a two-letter country code.");
  const page = TimelinePageSchema.safeParse({
    ...(search.has("limit") ? { limit: search.get("limit") } : {}),
    ...(search.has("before") ? { before: search.get("before") } : {}),
  });
  if (!page.success) {
    return jsonError(400, "bad_request", `limit is a whole number from 1 to ${TIMELINE_PAGE_MAX}; before is the nextBefore of a previous answer.`);
  }
  const view = await getPairView(actor, parsed.data.country, parsed.data.commitment, page.data);
  if (!view) throw new NotFoundError("pair");
  const { current } = view;
  return json({
    commitment: view.commitment.code,
    country: view.country.code,
    status: current.status,
    // Writers base their next submission on it: only for those who see every report of the country.
    ...(current.version === null ? {} : { version: current.version, reviewState: current.reviewState }),
    visibility: current.visibility,
    reportedAt: current.reportedAt?.toISOString() ?? null,
    assessment: current.assessment ? { score: current.assessment.score, assessedAt: current.assessment.at.toISOString() } : null,
    disagrees: current.disagrees,
    timeline: view.timeline.map(entry),
    nextBefore: view.nextBefore,
  });
});
