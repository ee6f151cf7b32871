// Demo accounts and a plausible, deterministic history of reports, reviews and
// assessments, so that a fresh `npm start` shows a living dashboard. Never run against a
// real database unless asked (SEED_DEMO=1).
import type { Db } from "@/lib/db";
import type { ReportStatus, Role, Visibility } from "@/generated/prisma/enums";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { sealTotpSecret, type TotpKeys } from "@/lib/auth/totp-secret-box";

export const DEMO_DOMAIN = "demo.tanfeeth.org";
export const DEFAULT_DEMO_PASSWORD = "Algiers-35-demo";
/** Countries with a demo delegate, and so with a reporting history. */
export const DEMO_DELEGATE_COUNTRIES = ["DZ", "QA", "EG", "MA", "SA", "JO", "TN", "AE", "OM", "IQ"] as const;

export type DemoAccount = { email: string; name: string; role: Role; countryCode: string | null };

export function demoAccounts(): DemoAccount[] {
  return [
    { email: `admin@${DEMO_DOMAIN}`, name: "Demo Administrator", role: "ADMIN", countryCode: null },
    { email: `secretariat@${DEMO_DOMAIN}`, name: "أمانة المجلس (تجريبي)", role: "SECRETARIAT", countryCode: null },
    { email: `observer@${DEMO_DOMAIN}`, name: "Demo Observer", role: "OBSERVER", countryCode: null },
    ...DEMO_DELEGATE_COUNTRIES.map((code) => ({
      email: `delegate.${code.toLowerCase()}@${DEMO_DOMAIN}`,
      name: `Delegate ${code}`,
      role: "DELEGATE" as const,
      countryCode: code,
    })),
  ];
}

/** Due dates the communiqué does not set, given in demo mode so that timeliness shows. */
const DEMO_DUE_DATES: Record<string, string> = {
  "35/5": "2019-03-01",
  "35/6": "2019-03-01",
  "35/7": "2019-12-31",
};

// mulberry32: a tiny deterministic PRNG, so that every demo database is the same.
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LADDER: ReportStatus[] = ["NOT_STARTED", "LIMITED", "SUBSTANTIAL", "COMPLETE"];

const NARRATIVES: Record<ReportStatus, string[]> = {
  NOT_STARTED: [
    "لم تبدأ الأعمال التنفيذية بعد؛ يجري تشكيل فريق عمل مشترك بين الوزارات المعنية.",
    "Implementation has not started; an inter-ministerial working group is being formed.",
  ],
  LIMITED: [
    "تم إعداد مشروع خطة وطنية وعرضه على الجهات المختصة للمراجعة.",
    "A draft national plan has been prepared and circulated to the competent agencies for review.",
  ],
  SUBSTANTIAL: [
    "اعتُمدت الخطة الوطنية وبدأ تنفيذ معظم بنودها، مع تدريب الكوادر المختصة.",
    "The national plan has been adopted and most of its measures are being implemented, with staff training under way.",
  ],
  COMPLETE: [
    "استُكملت جميع الإجراءات المطلوبة وصدرت التعليمات التنفيذية ذات الصلة.",
    "All required measures have been completed and the implementing regulations issued.",
  ],
  NOT_APPLICABLE: ["لا ينطبق هذا الالتزام على الإطار الوطني الحالي."],
};

const VISIBILITIES: Visibility[] = ["RESTRICTED", "RESTRICTED", "MEMBERS", "MEMBERS", "OBSERVERS"];

const DAY = 86_400_000;

type Client = Pick<
  Db,
  "user" | "commitment" | "report" | "pairStatus" | "review" | "assessment" | "comment" | "$transaction"
>;

/**
 * Creates the demo accounts that do not exist yet (existing ones are left as they are) and
 * returns those it created. The admin and secretariat must sign in with TOTP: they get
 * `totpSecret` as their enrolled authenticator, sealed with `totpKeys` (lib/env.ts).
 */
export async function seedDemoAccounts(
  db: Client,
  options: { password: string; totpSecret: string; totpKeys: TotpKeys },
): Promise<DemoAccount[]> {
  const accounts = demoAccounts();
  const existing = new Set(
    (await db.user.findMany({ where: { email: { in: accounts.map((a) => a.email) } }, select: { email: true } })).map(
      (u) => u.email,
    ),
  );
  const passwordHash = await hashPassword(options.password);
  const missing = accounts.filter((account) => !existing.has(account.email));
  if (missing.length > 0) {
    await db.user.createMany({
      data: missing.map((account) => {
        // The id is chosen here: a sealed TOTP secret is bound to its account's id.
        const id = randomUUID();
        return {
          id,
          ...account,
          passwordHash,
          passwordChangedAt: new Date(),
          ...(account.role === "ADMIN" || account.role === "SECRETARIAT"
            ? { totpSecret: sealTotpSecret(id, options.totpSecret, options.totpKeys), totpEnabledAt: new Date() }
            : {}),
        };
      }),
    });
  }
  return missing;
}

/** Writes the demo history once: does nothing if any report exists. */
export async function seedDemoHistory(db: Client, sessionNumber = 35): Promise<{ reports: number }> {
  if ((await db.report.count()) > 0) return { reports: 0 };
  const random = prng(35);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const commitments = await db.commitment.findMany({
    where: { session: { number: sessionNumber } },
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true },
  });
  const users = await db.user.findMany({
    where: { email: { endsWith: `@${DEMO_DOMAIN}` } },
    select: { id: true, role: true, countryCode: true },
  });
  const secretariat = users.find((u) => u.role === "SECRETARIAT");
  if (!secretariat) throw new Error("Demo history needs the demo secretariat account.");
  const delegates = new Map(users.filter((u) => u.countryCode).map((u) => [u.countryCode!, u.id]));

  let reportCount = 0;
  // Pairs whose latest report was returned: the thread shows the exchange about it.
  const returnedPairs: { commitmentId: string; countryCode: string; authorId: string; at: number }[] = [];
  await db.$transaction(async (tx) => {
    for (const commitment of commitments) {
      const due = DEMO_DUE_DATES[commitment.code];
      if (due) await tx.commitment.update({ where: { id: commitment.id }, data: { dueDate: new Date(`${due}T00:00:00Z`) } });
    }
    for (const countryCode of DEMO_DELEGATE_COUNTRIES) {
      const authorId = delegates.get(countryCode);
      if (!authorId) continue;
      for (const commitment of commitments) {
        if (random() < 0.15) continue; // no report yet
        const notApplicable = random() < 0.04;
        const reportTotal = notApplicable ? 1 : 1 + Math.floor(random() * 4);
        let level = random() < 0.6 ? 0 : 1;
        let at = Date.UTC(2018, 3, 1) + Math.floor(random() * 200) * DAY;
        let previousStatus: ReportStatus | null = null;
        let completedAt: Date | null = null;
        let last: { id: string; status: ReportStatus; visibility: Visibility; at: Date } | null = null;
        let reviewState: "SUBMITTED" | "VALIDATED" | "RETURNED" = "SUBMITTED";

        for (let version = 1; version <= reportTotal; version++) {
          if (version > 1) {
            at += (30 + Math.floor(random() * 120)) * DAY;
            if (random() < 0.7) level = Math.min(level + 1, LADDER.length - 1);
          }
          const status: ReportStatus = notApplicable ? "NOT_APPLICABLE" : LADDER[level]!;
          const submittedAt = new Date(at);
          const visibility = pick(VISIBILITIES);
          const report = await tx.report.create({
            data: {
              commitmentId: commitment.id,
              countryCode,
              version,
              status,
              previousStatus,
              notApplicableReason: notApplicable ? pick(NARRATIVES.NOT_APPLICABLE) : null,
              narrative: pick(NARRATIVES[status]),
              evidenceLinks: random() < 0.4 ? [`https://www.example.gov/${countryCode.toLowerCase()}/${commitment.code.replace("/", "-")}/v${version}`] : [],
              visibility,
              authorId,
              submittedAt,
            },
          });
          reportCount += 1;
          if (status === "COMPLETE" && previousStatus !== "COMPLETE") completedAt = submittedAt;
          if (status !== "COMPLETE") completedAt = null;
          previousStatus = status;
          last = { id: report.id, status, visibility, at: submittedAt };

          reviewState = "SUBMITTED";
          if (random() < 0.65) {
            const returned = version === reportTotal && random() < 0.2;
            await tx.review.create({
              data: {
                reportId: report.id,
                decision: returned ? "RETURN" : "VALIDATE",
                comment: returned ? "يرجى إرفاق الوثائق الداعمة وتحديث البيانات. / Please attach supporting documents." : "",
                reviewerId: secretariat.id,
                createdAt: new Date(at + 7 * DAY),
              },
            });
            reviewState = returned ? "RETURNED" : "VALIDATED";
            if (returned) returnedPairs.push({ commitmentId: commitment.id, countryCode, authorId, at: at + 7 * DAY });
          }
        }
        if (!last) continue;

        let assessmentScore: number | null = null;
        let assessedAt: Date | null = null;
        if (!notApplicable && random() < 0.45) {
          const base = last.status === "COMPLETE" ? 1 : last.status === "SUBSTANTIAL" ? 0 : -1;
          assessmentScore = random() < 0.2 ? Math.max(-1, base - 1) : base;
          assessedAt = new Date(last.at.getTime() + 14 * DAY);
          await tx.assessment.create({
            data: {
              commitmentId: commitment.id,
              countryCode,
              score: assessmentScore,
              rationale:
                assessmentScore === 1
                  ? "Full compliance: the measures reported are in force and documented."
                  : assessmentScore === 0
                    ? "Partial compliance: steps taken, but implementation is incomplete."
                    : "Work to be done: no verifiable measures yet.",
              assessorId: secretariat.id,
              createdAt: assessedAt,
            },
          });
        }

        await tx.pairStatus.create({
          data: {
            commitmentId: commitment.id,
            countryCode,
            version: reportTotal,
            status: last.status,
            visibility: last.visibility,
            reviewState,
            latestReportId: last.id,
            reportedAt: last.at,
            completedAt,
            assessmentScore,
            assessedAt,
            updatedAt: assessedAt ?? last.at,
          },
        });
      }
    }
    // Drawn after the history, without the generator, so that the history stays as it was.
    for (const pair of returnedPairs) {
      await tx.comment.createMany({
        data: [
          {
            commitmentId: pair.commitmentId,
            countryCode: pair.countryCode,
            authorId: pair.authorId,
            body: "هل تكفي نسخة من المرسوم المنشور في الجريدة الرسمية؟ / Would a copy of the decree as published in the official gazette do?",
            createdAt: new Date(pair.at + 2 * DAY),
          },
          {
            commitmentId: pair.commitmentId,
            countryCode: pair.countryCode,
            authorId: secretariat.id,
            body: "نعم، مع رابط النشر الرسمي. / Yes, with the link to its official publication.",
            createdAt: new Date(pair.at + 3 * DAY),
          },
        ],
      });
    }
  }, { timeout: 120_000 });
  return { reports: reportCount };
}
