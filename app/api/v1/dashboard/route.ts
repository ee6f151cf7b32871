import { apiRoute } from "@/lib/api/handler";
import { json, jsonError } from "@/lib/api/respond";
import { canReadDashboard } from "@/lib/auth/permissions";
import { getDashboard } from "@/lib/data/dashboard";
import { dashboardCsv, dashboardJson } from "@/lib/export/dashboard";
import { parseDashboardQuery } from "@/lib/validation/dashboard";

export const dynamic = "force-dynamic";

/**
 * The dashboard's matrix and roll-ups: JSON, or CSV with `format=csv`. Same filters as the page
 * (session, theme, country, status, disagreements, overdue), same visibility rules.
 */
export const GET = apiRoute(async (request, actor) => {
  if (!canReadDashboard(actor)) return jsonError(403, "forbidden", "You may not read the dashboard.");
  const params = request.nextUrl.searchParams;
  const format = params.get("format") ?? "json";
  const { query, invalid } = parseDashboardQuery(params);
  if (invalid.length > 0 || (format !== "json" && format !== "csv")) {
    const fieldErrors = Object.fromEntries(invalid.map((field) => [field, ["invalid"]]));
    if (format !== "json" && format !== "csv") fieldErrors.format = ["invalid"];
    return jsonError(400, "bad_request", "The request is not valid.", { fieldErrors });
  }
  const view = await getDashboard(actor, query);
  if (format === "json") return json(dashboardJson(view));
  return new Response(dashboardCsv(view), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tanfeeth-session-${view.session.number}-dashboard.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
