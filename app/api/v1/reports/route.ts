import { apiRoute, requestAddress } from "@/lib/api/handler";
import { readJson } from "@/lib/api/body";
import { json } from "@/lib/api/respond";
import { canWriteReport, canWriteReports } from "@/lib/auth/permissions";
import { submitReport } from "@/lib/data/reports";
import { ForbiddenError } from "@/lib/errors";
import { PairSchema, ReportSubmissionSchema } from "@/lib/validation/reports";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/reports — a delegate submits a report for their own country: 201 with the
 * pair's new version; 400 with field errors; 403 for another country; 409 for a stale baseVersion.
 */
export const POST = apiRoute(async (request, actor) => {
  if (!canWriteReports(actor)) throw new ForbiddenError();
  const body = await readJson(request);
  // Who may write for the pair is decided before the rest of the input is looked at.
  const pair = PairSchema.safeParse(body);
  if (pair.success && !canWriteReport(actor, pair.data.country)) throw new ForbiddenError();
  const input = ReportSubmissionSchema.parse(body);
  const { reportId, version } = await submitReport(actor, input, requestAddress(request));
  return json({ id: reportId, commitment: input.commitment, country: input.country, version }, { status: 201 });
});
