import { apiRoute, requestAddress } from "@/lib/api/handler";
import { jsonError } from "@/lib/api/respond";
import { canReadAuditLog } from "@/lib/auth/permissions";
import { exportAuditLogCsv } from "@/lib/data/audit-log";
import { AuditLogFilterSchema } from "@/lib/validation/audit-log";
import { searchParamsObject } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

/** The filtered audit log as CSV (UTF-8 with a byte-order mark), streamed; the same filters as /api/v1/audit-log. */
export const GET = apiRoute(async (request, actor) => {
  if (!canReadAuditLog(actor)) return jsonError(403, "forbidden", "Only admins read the audit log.");
  const filter = AuditLogFilterSchema.parse(searchParamsObject(request.nextUrl.searchParams));
  const stream = await exportAuditLogCsv(actor, filter, requestAddress(request));
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tanfeeth-audit-log-${stamp}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
