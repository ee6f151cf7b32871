import { apiRoute } from "@/lib/api/handler";
import { json, jsonError } from "@/lib/api/respond";
import { canReadDashboard } from "@/lib/auth/permissions";
import { listCommitmentResources } from "@/lib/data/commitments";
import { SessionQuerySchema } from "@/lib/validation/commitment";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, actor) => {
  if (!canReadDashboard(actor)) return jsonError(403, "forbidden", "You may not read commitments.");
  const parsed = SessionQuerySchema.safeParse({ session: request.nextUrl.searchParams.get("session") ?? undefined });
  if (!parsed.success) {
    return jsonError(400, "bad_request", "Query parameter `session` must be a session number, e.g. ?session=35.");
  }
  const commitments = await listCommitmentResources(parsed.data.session);
  if (!commitments) return jsonError(404, "not_found", `No session ${parsed.data.session}.`);
  return json({ session: parsed.data.session, commitments });
});
