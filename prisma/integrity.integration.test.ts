// Threat: a bug or a compromised application rewrites history (reports, reviews,
// assessments, the audit log). PostgreSQL itself refuses, whatever the caller.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, recordReport } from "@/tests/factories";

describe("database integrity rules", () => {
  let reportId: string;
  beforeAll(async () => {
    const delegate = await createUser({ role: "DELEGATE", countryCode: "QA" });
    reportId = (await recordReport({ code: "35/6", country: "QA", status: "LIMITED", authorId: delegate.id })).id;
    await db.auditLog.create({ data: { action: "test.write", targetType: "test" } });
  });

  it("refuses to update or delete a submitted report", async () => {
    await expect(db.report.update({ where: { id: reportId }, data: { status: "COMPLETE" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM report WHERE id = ${reportId}::uuid`).rejects.toThrow(/append-only/);
    expect((await db.report.findUniqueOrThrow({ where: { id: reportId } })).status).toBe("LIMITED");
  });

  it("refuses to update, delete or truncate the audit log", async () => {
    await expect(db.$executeRaw`UPDATE audit_log SET action = 'forged'`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM audit_log`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE audit_log`).rejects.toThrow(/append-only/);
    expect(await db.auditLog.count({ where: { action: "test.write" } })).toBe(1);
  });

  it("keeps e-mail addresses lower-case and delegates bound to a country", async () => {
    await expect(createUser({ role: "OBSERVER", email: "Mixed.Case@test.tanfeeth.org" })).rejects.toThrow();
    await expect(createUser({ role: "DELEGATE" })).rejects.toThrow();
    await expect(createUser({ role: "OBSERVER", countryCode: "QA" })).rejects.toThrow();
  });

  it("refuses an assessment score outside −1…+1 and NOT_APPLICABLE without a reason", async () => {
    const secretariat = await createUser({ role: "SECRETARIAT" });
    const commitment = await db.commitment.findUniqueOrThrow({ where: { code: "35/6" } });
    await expect(
      db.assessment.create({
        data: { commitmentId: commitment.id, countryCode: "QA", score: 2, rationale: "x", assessorId: secretariat.id },
      }),
    ).rejects.toThrow();
    const delegate = await createUser({ role: "DELEGATE", countryCode: "MA" });
    await expect(
      db.report.create({
        data: {
          commitmentId: commitment.id,
          countryCode: "MA",
          version: 1,
          status: "NOT_APPLICABLE",
          notApplicableReason: "  ",
          authorId: delegate.id,
        },
      }),
    ).rejects.toThrow();
  });
});
