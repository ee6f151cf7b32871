import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { createUser } from "@/tests/factories";
import { CreateThemeSchema, UpdateThemeSchema } from "@/lib/validation/themes";
import { createTheme, listThemeKeywords, listThemes, updateTheme } from "./themes";

let secretariat: Actor;
let delegate: Actor;

beforeAll(async () => {
  secretariat = await createUser({ role: "SECRETARIAT" });
  delegate = await createUser({ role: "DELEGATE", countryCode: "QA" });
});

const input = (fields: Record<string, string>) => CreateThemeSchema.parse({ nameAr: "الهجرة غير النظامية", nameEn: "Irregular migration", ...fields });

describe("themes", () => {
  it("creates a theme with its keywords, last in order, with its audit row", async () => {
    const { id } = await createTheme(secretariat, input({ key: "irregular-migration", keywords: "الهجرة غير النظامية\nirregular  migration\nirregular migration" }), "192.0.2.9");
    const themes = await listThemes(secretariat);
    expect(themes.at(-1)).toMatchObject({ key: "irregular-migration", nameEn: "Irregular migration" });
    expect((await listThemeKeywords(secretariat)).find((t) => t.key === "irregular-migration")?.keywords).toEqual(["الهجرة غير النظامية", "irregular migration"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "theme.created", targetId: id } });
    expect(audit).toMatchObject({ actorId: secretariat.id, ip: "192.0.2.9", after: { key: "irregular-migration" } });
  });

  it("refuses a key already taken", async () => {
    await expect(createTheme(secretariat, input({ key: "border-control" }), null)).rejects.toBeInstanceOf(ConflictError);
  });

  it("edits names, keywords and order — never the key — recording before and after", async () => {
    const theme = await db.theme.findUniqueOrThrow({ where: { key: "irregular-migration" } });
    const update = UpdateThemeSchema.parse({ themeId: theme.id, nameAr: "الهجرة", nameEn: "Migration", keywords: "migration", sortOrder: "0" });
    await updateTheme(secretariat, update, null);
    expect(await db.theme.findUniqueOrThrow({ where: { id: theme.id } })).toMatchObject({ key: "irregular-migration", nameEn: "Migration", keywords: ["migration"], sortOrder: 0 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "theme.updated", targetId: theme.id } });
    expect(audit).toMatchObject({ before: { nameEn: "Irregular migration" }, after: { key: "irregular-migration", nameEn: "Migration" } });
    await expect(updateTheme(secretariat, { ...update, themeId: "00000000-0000-7000-8000-000000000000" }, null)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is the secretariat's: a delegate changes nothing", async () => {
    const before = await db.theme.count();
    await expect(createTheme(delegate, input({ key: "by-a-delegate" }), null)).rejects.toBeInstanceOf(ForbiddenError);
    const theme = await db.theme.findFirstOrThrow();
    await expect(updateTheme(delegate, UpdateThemeSchema.parse({ themeId: theme.id, nameAr: "x", nameEn: "x" }), null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.theme.count()).toBe(before);
    expect(await db.theme.findUniqueOrThrow({ where: { id: theme.id } })).toMatchObject({ nameAr: theme.nameAr });
  });
});
