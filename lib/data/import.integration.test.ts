import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import { commitments, communiqueAr } from "@/prisma/seed-data/session-35";
import { createUser } from "@/tests/factories";
import { createCouncilSession } from "./council-sessions";
import { createCommitmentsFromImport, proposeFromText } from "./import";

let secretariat: Actor;

beforeAll(async () => {
  secretariat = await createUser({ role: "SECRETARIAT" });
  await createCouncilSession(
    secretariat,
    {
      number: 60,
      cityAr: "الجزائر",
      cityEn: "Algiers",
      titleAr: "الدورة 60",
      titleEn: "Session 60",
      startsOn: new Date("2050-03-01T00:00:00Z"),
      endsOn: null,
      communiqueAr,
      communiqueEn: "",
    },
    null,
  );
});

const item = (code: string, text: string, themeKey: string) => ({
  code,
  themeKey,
  titleAr: text.slice(0, 40),
  titleEn: "",
  textAr: text,
  textEn: "",
  sourceAr: text,
});

describe("creating a session's commitments from the importer's proposals", () => {
  it("creates every accepted proposal in one step, each with its audit row", async () => {
    const { proposals } = await proposeFromText(secretariat, communiqueAr);
    const items = proposals.map((p, i) => item(`60/${i + 1}`, p.text, p.theme ?? "border-control"));
    const { codes } = await createCommitmentsFromImport(secretariat, 60, items, "192.0.2.7");
    expect(codes).toHaveLength(proposals.length);
    const created = await db.commitment.findMany({ where: { session: { number: 60 } }, orderBy: { sortOrder: "asc" }, include: { theme: true } });
    expect(created.map((c) => c.code)).toEqual(codes);
    // Every commitment of the seed is covered by one created from the proposals, with its theme.
    for (const seed of commitments) {
      expect(created.some((c) => seed.sourceAr.includes(c.sourceAr) && c.theme.key === seed.theme), seed.code).toBe(true);
    }
    const audit = await db.auditLog.findMany({ where: { action: "commitment.created", targetId: { in: created.map((c) => c.id) } } });
    expect(audit).toHaveLength(created.length);
    expect(audit.every((row) => row.ip === "192.0.2.7" && (row.after as { via?: string }).via === "import")).toBe(true);
  });

  it("creates nothing when one code is taken: all or none", async () => {
    const before = await db.commitment.count();
    const auditBefore = await db.auditLog.count();
    const items = [item("60/90", "تعزيز التعاون الأمني.", "expertise-exchange"), item("60/1", "تكرار.", "border-control")];
    await expect(createCommitmentsFromImport(secretariat, 60, items, null)).rejects.toBeInstanceOf(ConflictError);
    expect(await db.commitment.count()).toBe(before);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("refuses codes of another session, repeated codes and unknown themes", async () => {
    await expect(createCommitmentsFromImport(secretariat, 60, [item("61/1", "x", "border-control")], null)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      createCommitmentsFromImport(secretariat, 60, [item("60/91", "x", "border-control"), item("60/91", "y", "border-control")], null),
    ).rejects.toMatchObject({ messageKey: "import.duplicateCode" });
    await expect(createCommitmentsFromImport(secretariat, 60, [item("60/92", "x", "nope")], null)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await db.commitment.count({ where: { code: { in: ["60/91", "60/92"] } } })).toBe(0);
  });
});
