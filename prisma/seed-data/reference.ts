// Reference data every installation needs: member states, themes, the 35th session and
// its commitments. Idempotent: rows that exist are left exactly as they are.
import type { Db } from "@/lib/db";
import { countries } from "./countries";
import { commitments, communiqueAr, session35, themes } from "./session-35";

type Client = Pick<Db, "country" | "theme" | "councilSession" | "commitment">;

export async function seedReferenceData(db: Client): Promise<{ created: number }> {
  let created = 0;
  created += (
    await db.country.createMany({
      data: countries.map((country, index) => ({ ...country, sortOrder: index + 1 })),
      skipDuplicates: true,
    })
  ).count;
  created += (
    await db.theme.createMany({
      data: themes.map((theme, index) => ({ ...theme, sortOrder: index + 1 })),
      skipDuplicates: true,
    })
  ).count;

  let session = await db.councilSession.findUnique({ where: { number: session35.number } });
  if (!session) {
    session = await db.councilSession.create({
      data: { ...session35, startsOn: new Date(`${session35.startsOn}T00:00:00Z`), communiqueAr },
    });
    created += 1;
  }

  const themeIds = new Map((await db.theme.findMany({ select: { id: true, key: true } })).map((t) => [t.key, t.id]));
  const rows = commitments.map(({ theme, ...commitment }, index) => {
    const themeId = themeIds.get(theme);
    if (!themeId) throw new Error(`Seed commitment ${commitment.code} names an unknown theme: ${theme}`);
    return { ...commitment, themeId, sessionId: session.id, sortOrder: index + 1 };
  });
  created += (await db.commitment.createMany({ data: rows, skipDuplicates: true })).count;
  return { created };
}
