// The hostile-input properties tell "nothing was written" by the row counters, which stand in
// for the md5 fingerprint of every table: both must see the same changes, and only those.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changedTables, closeFingerprintConnection, countRowChanges, databaseFingerprint, rowChanges, writtenTables } from "./fingerprint";

beforeAll(countRowChanges);
afterAll(closeFingerprintConnection);

const snapshot = async () => ({ rows: await rowChanges(), print: await databaseFingerprint() });

describe("the database's fingerprint and its row counters", () => {
  it("cover every application table, and only those", async () => {
    const tables = [...(await databaseFingerprint()).keys()];
    expect(tables).toEqual(expect.arrayContaining(["app_user", "audit_log", "commitment", "report", "theme"]));
    expect(tables).not.toContain("_prisma_migrations");
    expect(tables).not.toContain("hostile_row_changes");
  });

  it("see a changed row, an inserted and a deleted one", async () => {
    const theme = await db.theme.findFirstOrThrow({ select: { id: true, nameEn: true } });
    const before = await snapshot();
    await db.theme.update({ where: { id: theme.id }, data: { nameEn: `${theme.nameEn} ` } });
    const created = await db.notification.create({ data: { userId: (await db.user.create({ data: { email: "fp@test.tanfeeth.org", name: "fp", role: "OBSERVER" } })).id, kind: "k" } });
    await db.notification.delete({ where: { id: created.id } });
    const after = await snapshot();
    expect(writtenTables(before.rows, after.rows)).toEqual({ theme: 1, app_user: 1, notification: 2 });
    expect(changedTables(before.print, after.print)).toEqual(["app_user", "theme"]);
  });

  it("see nothing when a row is written as it was, or when a transaction rolls back", async () => {
    const theme = await db.theme.findFirstOrThrow({ select: { id: true, nameEn: true } });
    const before = await snapshot();
    await db.theme.update({ where: { id: theme.id }, data: { nameEn: theme.nameEn } });
    await expect(
      db.$transaction(async (tx) => {
        await tx.theme.update({ where: { id: theme.id }, data: { nameEn: "changed, then rolled back" } });
        await tx.auditLog.create({ data: { action: "test", targetType: "theme" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const after = await snapshot();
    expect(writtenTables(before.rows, after.rows)).toEqual({});
    expect(changedTables(before.print, after.print)).toEqual([]);
  });
});
