// A small, hand-made history of the 35th session whose dashboard figures are worked out by
// hand in lib/data/dashboard.integration.test.ts. Judged on AS_OF.
//
//   35/1 due 2026-01-01 (past)   QA COMPLETE 2025-12-01 (observers) → on time, assessed +1
//                                DZ LIMITED 2025-06-10 → COMPLETE 2026-02-01 (members) → late, assessed 0 (disagrees)
//                                EG NOT_APPLICABLE (restricted); MA SUBSTANTIAL (observers) → overdue, assessed 0
//   35/2 due 2027-01-01 (future) QA LIMITED (restricted), assessed −1 (disagrees)
//   35/3 no due date             DZ NOT_STARTED (members)
//   35/4 due 30 days before session 36 (opens 2026-09-01) → 2026-08-02, no report
//   35/5 no due date             SA COMPLETE, JO LIMITED, TN NOT_STARTED, AE SUBSTANTIAL, OM COMPLETE (all restricted);
//                                SA +1, JO 0, OM 0 (disagrees)
//   35/8 withdrawn               QA COMPLETE (observers), assessed −1
//   35/9 (added, online extremism like 35/1), no due date: DZ SUBSTANTIAL (observers)
import type { ReportStatus, Visibility } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createUser, recordReport } from "./factories";
import { recordAssessment, recordReview } from "./history-factories";

export const AS_OF = "2026-06-15";

export type DashboardFixture = {
  secretariat: Actor;
  observer: Actor;
  /** Delegates by country code. */
  delegates: Record<string, Actor>;
};

const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

export async function seedDashboardFixture(): Promise<DashboardFixture> {
  const secretariat = await createUser({ role: "SECRETARIAT" });
  const observer = await createUser({ role: "OBSERVER" });
  const delegates: Record<string, Actor> = {};
  for (const code of ["QA", "DZ", "EG", "MA", "SA", "JO", "TN", "AE", "OM"]) {
    delegates[code] = await createUser({ role: "DELEGATE", countryCode: code });
  }

  const session35 = await db.councilSession.findUniqueOrThrow({ where: { number: 35 } });
  await db.councilSession.create({
    data: {
      number: 36,
      cityAr: "تونس",
      cityEn: "Tunis",
      startsOn: new Date("2026-09-01T00:00:00Z"),
      titleAr: "الدورة السادسة والثلاثون",
      titleEn: "36th session",
      communiqueAr: "—",
    },
  });
  await db.commitment.update({ where: { code: "35/1" }, data: { dueDate: new Date("2026-01-01T00:00:00Z") } });
  await db.commitment.update({ where: { code: "35/2" }, data: { dueDate: new Date("2027-01-01T00:00:00Z") } });
  await db.commitment.update({ where: { code: "35/4" }, data: { dueDaysBeforeNextSession: 30 } });
  await db.commitment.update({ where: { code: "35/8" }, data: { withdrawnAt: new Date("2026-03-01T00:00:00Z"), withdrawnReason: "Merged into 35/1." } });
  const theme = await db.theme.findUniqueOrThrow({ where: { key: "online-extremism" } });
  await db.commitment.create({
    data: {
      sessionId: session35.id,
      code: "35/9",
      sortOrder: 9,
      themeId: theme.id,
      titleAr: "=HYPERLINK(\"http://evil.example\")",
      titleEn: "+Counter online recruitment, -fast",
      textAr: "نص",
      textEn: "Text",
      sourceAr: "مصدر",
    },
  });

  const report = (code: string, country: string, status: ReportStatus, visibility: Visibility, at: string) =>
    recordReport({ code, country, status, visibility, authorId: delegates[country]!.id, at: day(at) });

  await report("35/1", "DZ", "LIMITED", "MEMBERS", "2025-06-10");
  await report("35/1", "EG", "NOT_APPLICABLE", "RESTRICTED", "2025-07-01");
  const ma = await report("35/1", "MA", "SUBSTANTIAL", "OBSERVERS", "2025-08-01");
  await report("35/1", "QA", "COMPLETE", "OBSERVERS", "2025-12-01");
  await report("35/1", "DZ", "COMPLETE", "MEMBERS", "2026-02-01");
  const qa2 = await report("35/2", "QA", "LIMITED", "RESTRICTED", "2026-03-01");
  await report("35/3", "DZ", "NOT_STARTED", "MEMBERS", "2026-04-01");
  await report("35/8", "QA", "COMPLETE", "OBSERVERS", "2025-01-01");
  await report("35/9", "DZ", "SUBSTANTIAL", "OBSERVERS", "2026-05-01");
  for (const [country, status] of [
    ["SA", "COMPLETE"],
    ["JO", "LIMITED"],
    ["TN", "NOT_STARTED"],
    ["AE", "SUBSTANTIAL"],
    ["OM", "COMPLETE"],
  ] as const) {
    await report("35/5", country, status, "RESTRICTED", "2026-01-15");
  }

  const assess = (code: string, country: string, score: -1 | 0 | 1, at: string) =>
    recordAssessment({ code, country, score, assessorId: secretariat.id, at: day(at) });
  await assess("35/1", "QA", 1, "2026-02-10");
  await assess("35/1", "DZ", 0, "2026-02-11");
  await assess("35/1", "MA", 0, "2026-02-12");
  await assess("35/2", "QA", -1, "2026-03-10");
  await assess("35/5", "SA", 1, "2026-02-01");
  await assess("35/5", "JO", 0, "2026-02-01");
  await assess("35/5", "OM", 0, "2026-02-01");
  await assess("35/8", "QA", -1, "2025-02-01");

  await recordReview({ reportId: ma.id, decision: "VALIDATE", reviewerId: secretariat.id, at: day("2025-08-05") });
  await recordReview({ reportId: qa2.id, decision: "RETURN", reviewerId: secretariat.id, at: day("2026-03-05") });

  return { secretariat, observer, delegates };
}
