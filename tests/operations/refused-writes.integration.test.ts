// Threat: a delegate probing for a way to write for another member state, or anyone reaching
// for another role's tools with crafted requests, unseen by the secretariat. A write refused
// for lack of permission leaves an `access.refused` row in the audit log (one a minute per user
// and target, however often it is tried); other refusals (invalid input, conflicts) and refused
// reads leave none.
import { describe, expect, it, vi } from "vitest";
import { POST as postReport } from "@/app/api/v1/reports/route";
import { GET as getAuditLog } from "@/app/api/v1/audit-log/route";
import { saveReportAction } from "@/lib/actions/reports";
import { createThemeAction } from "@/lib/actions/themes";
import { db } from "@/lib/db";
import { apiRequest, noParams, sessionToken } from "@/tests/auth";
import { createUser } from "@/tests/factories";
import { actionRequest } from "@/tests/hostile/next-request";

vi.mock("next/headers", () => import("@/tests/hostile/next-request").then((m) => m.nextHeaders));
vi.mock("next/cache", () => import("@/tests/hostile/next-request").then((m) => m.nextCache));

const refusals = (actorId: string) => db.auditLog.findMany({ where: { action: "access.refused", actorId }, orderBy: { id: "asc" } });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("writes refused for lack of permission", () => {
  it("are audited with who, what and from where, through the API", async () => {
    const delegate = await createUser({ role: "DELEGATE", countryCode: "QA" });
    const body = { commitment: "35/1", country: "DZ", status: "COMPLETE", narrative: "Written for another member state", evidenceLinks: [], visibility: "RESTRICTED", baseVersion: 0 };
    const request = await apiRequest("/api/v1/reports", delegate.id, { method: "POST", body, headers: { "x-forwarded-for": "198.51.100.77" } });
    expect((await postReport(request, noParams)).status).toBe(403);
    expect(await refusals(delegate.id)).toMatchObject([
      { actorEmail: delegate.email, targetType: "api", targetId: "POST /api/v1/reports", ip: "198.51.100.77", after: { reason: expect.any(String) } },
    ]);
    expect(await db.report.count({ where: { authorId: delegate.id } })).toBe(0);

    // Invalid input is no attempt on anyone's data, and a refused read is not a write.
    const invalid = await apiRequest("/api/v1/reports", delegate.id, { method: "POST", body: { ...body, country: "QA", status: "NONSENSE" } });
    expect((await postReport(invalid, noParams)).status).toBe(400);
    expect((await getAuditLog(await apiRequest("/api/v1/audit-log", delegate.id), noParams)).status).toBe(403);
    expect(await refusals(delegate.id)).toHaveLength(1);
  });

  it("are audited with the action's name, through server actions", async () => {
    const delegate = await createUser({ role: "DELEGATE", countryCode: "QA" });
    actionRequest.sessionToken = await sessionToken(delegate.id);
    // A secretariat tool, and the report form for a user of no member state: both refused by role.
    const theme = await createThemeAction({ status: "idle" }, form({ key: "probe", nameAr: "مسبار", nameEn: "Probe" }));
    expect(theme).toMatchObject({ status: "error", message: "errors.forbidden" });
    const observer = await createUser({ role: "OBSERVER" });
    actionRequest.sessionToken = await sessionToken(observer.id);
    const report = await saveReportAction({ status: "idle" }, form({ intent: "draft", commitment: "35/1", narrative: "x", visibility: "RESTRICTED" }));
    expect(report).toMatchObject({ status: "error", message: "errors.forbidden" });

    expect(await refusals(delegate.id)).toMatchObject([{ targetType: "action", targetId: "createTheme", ip: actionRequest.forwardedFor, after: { reason: "role" } }]);
    expect(await refusals(observer.id)).toMatchObject([{ targetType: "action", targetId: "saveReport" }]);
  });

  // Threat: a script repeating a refused request to fill the audit log.
  it("are recorded once a minute per user and target, however many arrive at once", async () => {
    const delegate = await createUser({ role: "DELEGATE", countryCode: "QA" });
    const body = { commitment: "35/1", country: "DZ", status: "COMPLETE", narrative: "again and again", evidenceLinks: [], visibility: "RESTRICTED", baseVersion: 0 };
    const attempt = async (userId = delegate.id) => (await postReport(await apiRequest("/api/v1/reports", userId, { method: "POST", body }), noParams)).status;
    expect(await Promise.all(Array.from({ length: 20 }, () => attempt()))).toEqual(Array(20).fill(403));
    actionRequest.sessionToken = await sessionToken(delegate.id);
    await createThemeAction({ status: "idle" }, form({ key: "probe", nameAr: "مسبار", nameEn: "Probe" }));
    await createThemeAction({ status: "idle" }, form({ key: "probe", nameAr: "مسبار", nameEn: "Probe" }));
    expect((await refusals(delegate.id)).map((r) => r.targetId)).toEqual(["POST /api/v1/reports", "createTheme"]);

    // One recorded more than a minute ago does not hold the next back.
    const later = await createUser({ role: "DELEGATE", countryCode: "QA" });
    const aMinuteAgo = new Date(Date.now() - 61_000);
    await db.auditLog.create({ data: { actorId: later.id, action: "access.refused", targetType: "api", targetId: "POST /api/v1/reports", at: aMinuteAgo } });
    expect(await attempt(later.id)).toBe(403);
    expect((await refusals(later.id)).map((r) => r.at > aMinuteAgo)).toEqual([false, true]);
  });
});
