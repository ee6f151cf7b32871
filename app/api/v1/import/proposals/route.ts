import { readJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { json, jsonError } from "@/lib/api/respond";
import { canManageSessions } from "@/lib/auth/permissions";
import { proposeFromText } from "@/lib/data/import";
import { MAX_COMMUNIQUE_CHARS, ProposalsRequestSchema } from "@/lib/validation/council-sessions";

export const dynamic = "force-dynamic";

/** A whole communiqué, even with every character escaped in JSON (\uXXXX), and room for the rest. */
const MAX_PROPOSALS_BODY_BYTES = MAX_COMMUNIQUE_CHARS * 6 + 1024;

/**
 * The communiqué importer for the secretariat's API clients: { text, language? } →
 * { language, proposals: [{ text, start, end, kind, theme? }], skipped: [{ text, start, end, reason }] },
 * offsets in UTF-16 code units of the submitted text. Nothing is stored.
 */
export const POST = apiRoute(async (request, actor) => {
  if (!canManageSessions(actor)) return jsonError(403, "forbidden", "Only the secretariat uses the importer.");
  const input = ProposalsRequestSchema.parse(await readJson(request, MAX_PROPOSALS_BODY_BYTES));
  const result = await proposeFromText(actor, input.text, input.language);
  return json(result);
});
