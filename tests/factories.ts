// Test data built through the same tables the app writes, for integration tests.
import { randomBytes } from "node:crypto";
import type { ReportStatus, Role, Visibility } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export async function createUser(options: { role: Role; countryCode?: string; email?: string; name?: string }) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? `${options.role.toLowerCase()}.${randomBytes(4).toString("hex")}@test.tanfeeth.org`;
  return db.user.create({
    data: {
      email,
      name: options.name ?? email,
      role: options.role,
      countryCode: options.countryCode ?? null,
      passwordHash: await passwordHash,
    },
  });
}

export async function commitmentId(code: string): Promise<string> {
  return (await db.commitment.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

/** Appends a submitted report to a pair's history and moves its current status. */
export async function recordReport(options: {
  code: string;
  country: string;
  status: ReportStatus;
  authorId: string;
  visibility?: Visibility;
  at?: Date;
  narrative?: string;
}) {
  const id = await commitmentId(options.code);
  return db.$transaction(async (tx) => {
    const current = await tx.pairStatus.findUnique({
      where: { commitmentId_countryCode: { commitmentId: id, countryCode: options.country } },
    });
    const version = (current?.version ?? 0) + 1;
    const submittedAt = options.at ?? new Date();
    const visibility = options.visibility ?? "RESTRICTED";
    const report = await tx.report.create({
      data: {
        commitmentId: id,
        countryCode: options.country,
        version,
        status: options.status,
        previousStatus: current?.status ?? null,
        notApplicableReason: options.status === "NOT_APPLICABLE" ? "Not applicable in test." : null,
        narrative: options.narrative ?? "",
        visibility,
        authorId: options.authorId,
        submittedAt,
      },
    });
    // The first report of the current run of COMPLETE reports, as the application keeps it.
    const completedAt =
      options.status !== "COMPLETE" ? null : current?.status === "COMPLETE" ? current.completedAt : submittedAt;
    const state = {
      version,
      status: options.status,
      completedAt,
      visibility,
      reviewState: "SUBMITTED" as const,
      latestReportId: report.id,
      reportedAt: submittedAt,
      updatedAt: submittedAt,
    };
    await tx.pairStatus.upsert({
      where: { commitmentId_countryCode: { commitmentId: id, countryCode: options.country } },
      create: { commitmentId: id, countryCode: options.country, ...state },
      update: state,
    });
    return report;
  });
}
