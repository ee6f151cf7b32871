import "server-only";
// The communiqué importer against the database: proposals with the editable theme keywords,
// and the reviewed proposals created as a session's commitments in one transaction.
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { proposeCommitments, type Language, type ProposeResult } from "@/lib/importer";
import type { ImportItem } from "@/lib/validation/council-sessions";
import { appendAudit } from "./audit";
import { auditJson } from "./audit-json";
import { listThemeKeywords, requireSessionManager } from "./themes";

/** Proposals for a communiqué, with themes suggested from the database's keyword lists. */
export async function proposeFromText(actor: Actor, text: string, language?: Language): Promise<ProposeResult> {
  const themes = await listThemeKeywords(actor);
  return proposeCommitments(text, { themes, ...(language ? { language } : {}) });
}

/**
 * Creates the accepted proposals as commitments of the session, all or none: one transaction,
 * one audit row per commitment. Codes must belong to the session and be free.
 */
export async function createCommitmentsFromImport(
  actor: Actor,
  sessionNumber: number,
  items: ImportItem[],
  ip: string | null,
): Promise<{ codes: string[] }> {
  requireSessionManager(actor);
  const codes = items.map((item) => item.code);
  const duplicate = codes.find((code, i) => codes.indexOf(code) !== i);
  if (duplicate) throw new ConflictError("import.duplicateCode", { code: duplicate });
  const foreign = codes.find((code) => !code.startsWith(`${sessionNumber}/`));
  if (foreign) throw new InvalidInputError({ items: ["commitment.codeSession"] });
  try {
    return await db.$transaction(async (tx) => {
      const session = await tx.councilSession.findUnique({ where: { number: sessionNumber }, select: { id: true } });
      if (!session) throw new NotFoundError("session");
      const taken = await tx.commitment.findFirst({ where: { code: { in: codes } }, select: { code: true } });
      if (taken) throw new ConflictError("commitment.codeTaken", { code: taken.code });
      const themes = new Map((await tx.theme.findMany({ select: { id: true, key: true } })).map((t) => [t.key, t.id]));
      for (const item of items) {
        const themeId = themes.get(item.themeKey);
        if (!themeId) throw new InvalidInputError({ items: ["theme.unknown"] });
        const { themeKey, code, titleAr, titleEn, textAr, textEn, sourceAr } = item;
        const words = { code, titleAr, titleEn, textAr, textEn, sourceAr };
        const data = { ...words, themeId, sessionId: session.id, sortOrder: Number(item.code.split("/")[1]) };
        const created = await tx.commitment.create({ data, select: { id: true } });
        await appendAudit(tx, {
          actor,
          action: "commitment.created",
          targetType: "commitment",
          targetId: created.id,
          after: auditJson({ ...words, themeKey, via: "import" }),
          ip,
        });
      }
      return { codes };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError("commitment.codeTaken");
    throw error;
  }
}
