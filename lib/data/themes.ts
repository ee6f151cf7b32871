import "server-only";
// Themes of commitments and their keywords: the editable list from which the communiqué
// importer suggests a theme for each proposal.
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { canManageSessions, canReadDashboard } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ThemeKeywords } from "@/lib/importer";
import type { CreateThemeInput, UpdateThemeInput } from "@/lib/validation/themes";
import { appendAudit } from "./audit";

export type ThemeItem = {
  id: string;
  key: string;
  nameAr: string;
  nameEn: string;
  keywords: string[];
  sortOrder: number;
  commitmentCount: number;
};

export function requireSessionManager(actor: Actor) {
  if (!canManageSessions(actor)) throw new ForbiddenError("only the secretariat manages sessions, commitments and themes");
}

/** Every theme with its keywords, in the list's order. */
export async function listThemes(actor: Actor): Promise<ThemeItem[]> {
  if (!canReadDashboard(actor)) throw new ForbiddenError();
  const themes = await db.theme.findMany({
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    select: { id: true, key: true, nameAr: true, nameEn: true, keywords: true, sortOrder: true, _count: { select: { commitments: true } } },
  });
  return themes.map(({ _count, ...theme }) => ({ ...theme, commitmentCount: _count.commitments }));
}

/** The importer's input: each theme's key and keywords, in the list's order (ties go to the first). */
export async function listThemeKeywords(actor: Actor): Promise<ThemeKeywords[]> {
  requireSessionManager(actor);
  return db.theme.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }], select: { key: true, keywords: true } });
}

export async function createTheme(actor: Actor, input: CreateThemeInput, ip: string | null): Promise<{ id: string }> {
  requireSessionManager(actor);
  try {
    return await db.$transaction(async (tx) => {
      const sortOrder = input.sortOrder ?? ((await tx.theme.aggregate({ _max: { sortOrder: true } }))._max.sortOrder ?? 0) + 1;
      const data = { key: input.key, nameAr: input.nameAr, nameEn: input.nameEn, keywords: input.keywords, sortOrder };
      const theme = await tx.theme.create({ data, select: { id: true } });
      await appendAudit(tx, { actor, action: "theme.created", targetType: "theme", targetId: theme.id, after: data, ip });
      return theme;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError("theme.keyTaken");
    throw error;
  }
}

export async function updateTheme(actor: Actor, input: UpdateThemeInput, ip: string | null): Promise<void> {
  requireSessionManager(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.theme.findUnique({
      where: { id: input.themeId },
      select: { key: true, nameAr: true, nameEn: true, keywords: true, sortOrder: true },
    });
    if (!before) throw new NotFoundError("theme");
    const after = {
      nameAr: input.nameAr,
      nameEn: input.nameEn,
      keywords: input.keywords,
      sortOrder: input.sortOrder ?? before.sortOrder,
    };
    await tx.theme.update({ where: { id: input.themeId }, data: after });
    await appendAudit(tx, { actor, action: "theme.updated", targetType: "theme", targetId: input.themeId, before, after: { key: before.key, ...after }, ip });
  });
}
