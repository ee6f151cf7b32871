import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { GET as getAuditLog } from "@/app/api/v1/audit-log/route";
import { GET as exportAuditLog } from "@/app/api/v1/audit-log/export/route";
import { AuditLogFilterSchema } from "@/lib/validation/audit-log";
import { apiRequest, noParams } from "@/tests/auth";
import { createUser } from "@/tests/factories";
import { appendAudit } from "./audit";
import { exportAuditLogCsv, listAuditLog } from "./audit-log";

let admin: Actor;
let secretariat: Actor;
const filter = (input: Record<string, string> = {}) => AuditLogFilterSchema.parse(input);

beforeAll(async () => {
  admin = await createUser({ role: "ADMIN", email: "audit.admin@test.tanfeeth.org" });
  secretariat = await createUser({ role: "SECRETARIAT", email: "audit.secretariat@test.tanfeeth.org" });
  for (let i = 0; i < 60; i++) {
    await appendAudit(db, { actor: secretariat, action: "commitment.updated", targetType: "commitment", targetId: `c-${i}`, after: { i }, ip: "192.0.2.5" });
  }
  await appendAudit(db, { actor: admin, action: "user.updated", targetType: "user", targetId: secretariat.id, before: { name: "=cmd|' /C calc'!A0" }, after: { name: "قطر, \"الدوحة\"" } });
});

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  const bytes = Buffer.from(await new Response(stream).arrayBuffer());
  // A UTF-8 byte-order mark first, so that spreadsheets read the Arabic right.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString("utf8");
}

describe("browsing the audit log", () => {
  it("pages newest first, and a page continues where the last ended", async () => {
    const first = await listAuditLog(admin, filter({ action: "commitment." }));
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]!.targetId).toBe("c-59");
    const second = await listAuditLog(admin, filter({ action: "commitment.", before: first.nextBefore! }));
    expect(second.entries.map((e) => e.targetId)).toEqual(Array.from({ length: 10 }, (_, i) => `c-${9 - i}`));
    expect(second.nextBefore).toBeNull();
  });

  it("filters by who, action, target and day", async () => {
    expect((await listAuditLog(admin, filter({ actor: "audit.admin@" }))).entries.map((e) => e.action)).toEqual(["user.updated"]);
    expect((await listAuditLog(admin, filter({ actor: secretariat.id }))).entries).toHaveLength(50);
    expect((await listAuditLog(admin, filter({ targetType: "user", targetId: secretariat.id }))).entries).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditLog(admin, filter({ from: today, to: today, action: "user.updated" }))).entries).toHaveLength(1);
    expect((await listAuditLog(admin, filter({ to: "2000-01-01" }))).entries).toEqual([]);
  });

  it("is for admins only", async () => {
    await expect(listAuditLog(secretariat, filter())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportAuditLogCsv(secretariat, filter(), null)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getAuditLog(await apiRequest("/api/v1/audit-log", secretariat.id), noParams)).status).toBe(403);
    expect((await exportAuditLog(await apiRequest("/api/v1/audit-log/export", secretariat.id), noParams)).status).toBe(403);
  });
});

describe("exporting the audit log as CSV", () => {
  it("writes every matching row, quoted, formula-safe, and records the export itself", async () => {
    const csv = await text(await exportAuditLogCsv(admin, filter({ action: "user.updated" }), "192.0.2.6"));
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe('"id","at","actor_id","actor_email","action","target_type","target_id","before","after","ip"');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"audit.admin@test.tanfeeth.org","user.updated","user"');
    // JSON starts with "{": inert already; the Arabic and its quotes survive.
    expect(lines[1]).toContain('"{""name"":""=cmd|\' /C calc\'!A0""}"');
    expect(lines[1]).toContain('"{""name"":""قطر, \\""الدوحة\\""""}"');
    const [exported] = await db.auditLog.findMany({ where: { action: "audit.exported" }, orderBy: { id: "desc" }, take: 1 });
    expect(exported).toMatchObject({ actorId: admin.id, ip: "192.0.2.6", after: { action: "user.updated" } });
  });

  // Threat: a value typed by anyone — here an "e-mail address" at a refused sign-in — that a
  // spreadsheet would run as a formula when an admin opens the export.
  it("makes a formula typed at the sign-in page inert", async () => {
    await appendAudit(db, { actor: null, action: "auth.sign_in_refused", targetType: "user", targetId: '=HYPERLINK("http://evil.example","x")' });
    const csv = await text(await exportAuditLogCsv(admin, filter({ action: "auth.sign_in_refused" }), null));
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""x"")"');
  });

  it("streams more rows than one batch", async () => {
    await db.auditLog.createMany({ data: Array.from({ length: 1_100 }, (_, i) => ({ action: "bulk.row", targetType: "test", targetId: String(i) })) });
    const csv = await text(await exportAuditLogCsv(admin, filter({ action: "bulk." }), null));
    expect(csv.trim().split("\r\n")).toHaveLength(1_101);
  });

  it("answers CSV over HTTP, as an attachment", async () => {
    const response = await exportAuditLog(await apiRequest("/api/v1/audit-log/export?action=user.", admin.id), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="tanfeeth-audit-log-.*\.csv"$/);
    expect(await response.text()).toContain("user.updated");
    expect((await exportAuditLog(await apiRequest("/api/v1/audit-log/export?from=yesterday", admin.id), noParams)).status).toBe(400);
  });
});

// Threat: someone — even the application with its own database role — rewriting or erasing
// the record of who did what. PostgreSQL refuses UPDATE, DELETE and TRUNCATE on audit_log.
describe("the audit log is append-only", () => {
  it("refuses updates and deletes through the application's own client", async () => {
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "user.updated" } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.updateMany({ data: { ip: null } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE audit_log`).rejects.toThrow(/append-only/);
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});
