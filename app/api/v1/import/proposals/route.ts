import { apiRoute } from "@/lib/api/handler";
import { json, jsonError } from "@/lib/api/respond";
import { canManageSessions } from "@/lib/auth/permissions";
import { proposeFromText } from "@/lib/data/import";
import { ProposalsRequestSchema } from "@/lib/validation/council-sessions";

export const dynamic = "force-dynamic";

/**
 * The communiqué importer for the secretariat's API clients: { text, language? } →
 * { language, proposals: [{ text, start, end, kind, theme? }], skipped: [{ text, start, end, reason }] },
 * offsets in UTF-16 code units of the submitted text. Nothing is stored.
 */
export const POST = apiRoute(async (request, actor) => {
  if (!canManageSessions(actor)) return jsonError(403, "forbidden", "Only the secretariat uses the importer.");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return jsonError(400, "bad_request", "Send a JSON body: { \"text\": \"…\", \"language\": \"ar\" | \"en\" }.");
  }
  const input = ProposalsRequestSchema.parse(body);
  const result = await proposeFromText(actor, input.text, input.language);
  return json(result);
});
