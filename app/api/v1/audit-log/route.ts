import { apiRoute } from "@/lib/api/handler";
import { json, jsonError } from "@/lib/api/respond";
import { canReadAuditLog } from "@/lib/auth/permissions";
import { listAuditLog } from "@/lib/data/audit-log";
import { AuditLogFilterSchema } from "@/lib/validation/audit-log";
import { searchParamsObject } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

/**
 * The audit log, newest first, 50 rows a page: filters `actor` (e-mail part or user id), `action`
 * (prefix), `targetType`, `targetId`, `from`/`to` (YYYY-MM-DD, UTC); `before` continues a page.
 */
export const GET = apiRoute(async (request, actor) => {
  if (!canReadAuditLog(actor)) return jsonError(403, "forbidden", "Only admins read the audit log.");
  const filter = AuditLogFilterSchema.parse(searchParamsObject(request.nextUrl.searchParams));
  const { entries, nextBefore } = await listAuditLog(actor, filter);
  return json({ entries, nextBefore });
});
