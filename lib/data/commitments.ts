import "server-only";
import type { ReportStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { canReadReport } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NO_REPORT, STATUSES, WITHHELD, type StatusOrNoReport } from "@/lib/status-scale";
import { countCountries, listCountries } from "./countries";

export type ThemeSummary = { key: string; nameAr: string; nameEn: string };
export type StatusCounts = Record<StatusOrNoReport, number>;

export type CommitmentListItem = {
  code: string;
  theme: ThemeSummary;
  titleAr: string;
  titleEn: string;
  statusCounts: StatusCounts;
};

const themeSummary = { select: { key: true, nameAr: true, nameEn: true } } as const;

function emptyCounts(): StatusCounts {
  return Object.fromEntries([...STATUSES, NO_REPORT].map((s) => [s, 0])) as StatusCounts;
}

/** The session's commitments, each with how many member states report each status. */
export async function listSessionCommitments(sessionNumber: number): Promise<CommitmentListItem[]> {
  const [commitments, countryTotal] = await Promise.all([
    db.commitment.findMany({
      where: { session: { number: sessionNumber } },
      orderBy: { sortOrder: "asc" },
      select: { id: true, code: true, titleAr: true, titleEn: true, theme: themeSummary },
    }),
    countCountries(),
  ]);
  // By the session's commitment ids: a relation filter would make PostgreSQL read all of pair_status.
  const groups = await db.pairStatus.groupBy({
    by: ["commitmentId", "status"],
    where: { commitmentId: { in: commitments.map((c) => c.id) }, status: { not: null } },
    _count: { _all: true },
  });
  const countsById = new Map<string, StatusCounts>();
  for (const group of groups) {
    const counts = countsById.get(group.commitmentId) ?? emptyCounts();
    counts[group.status as ReportStatus] += group._count._all;
    countsById.set(group.commitmentId, counts);
  }
  return commitments.map(({ id, ...commitment }) => {
    const statusCounts = countsById.get(id) ?? emptyCounts();
    const reported = STATUSES.reduce((sum, status) => sum + statusCounts[status], 0);
    statusCounts[NO_REPORT] = countryTotal - reported;
    return { ...commitment, statusCounts };
  });
}

export type CountryStatus = {
  country: { code: string; nameAr: string; nameEn: string };
  /** WITHHELD when the latest report is not shared with the viewer. */
  status: StatusOrNoReport | typeof WITHHELD;
  reportedAt: Date | null;
};

export type CommitmentDetail = {
  code: string;
  session: { number: number; titleAr: string; titleEn: string };
  theme: ThemeSummary;
  titleAr: string;
  titleEn: string;
  textAr: string;
  textEn: string;
  sourceAr: string;
  dueDate: Date | null;
  countries: CountryStatus[];
};

/** One commitment and each member state's current status, as far as `actor` may see it. */
export async function getCommitmentByCode(actor: Actor, code: string): Promise<CommitmentDetail | null> {
  const commitment = await db.commitment.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      titleAr: true,
      titleEn: true,
      textAr: true,
      textEn: true,
      sourceAr: true,
      dueDate: true,
      theme: themeSummary,
      session: { select: { number: true, titleAr: true, titleEn: true } },
    },
  });
  if (!commitment) return null;
  const [countries, statuses] = await Promise.all([
    listCountries(),
    db.pairStatus.findMany({
      where: { commitmentId: commitment.id },
      select: { countryCode: true, status: true, visibility: true, reportedAt: true },
    }),
  ]);
  const byCountry = new Map(statuses.map((s) => [s.countryCode, s]));
  const { id: _id, ...rest } = commitment;
  return {
    ...rest,
    countries: countries.map((country) => {
      const pair = byCountry.get(country.code);
      if (!pair?.status || !pair.visibility) return { country, status: NO_REPORT, reportedAt: null };
      if (!canReadReport(actor, { countryCode: country.code, visibility: pair.visibility })) {
        return { country, status: WITHHELD, reportedAt: null };
      }
      return { country, status: pair.status, reportedAt: pair.reportedAt };
    }),
  };
}

export type CommitmentResource = {
  code: string;
  theme: string;
  titleAr: string;
  titleEn: string;
  textAr: string;
  textEn: string;
  sourceAr: string;
  dueDate: string | null;
};

/** The session's commitments as the JSON API publishes them; null when there is no such session. */
export async function listCommitmentResources(sessionNumber: number): Promise<CommitmentResource[] | null> {
  const session = await db.councilSession.findUnique({
    where: { number: sessionNumber },
    select: {
      commitments: {
        orderBy: { sortOrder: "asc" },
        select: {
          code: true,
          titleAr: true,
          titleEn: true,
          textAr: true,
          textEn: true,
          sourceAr: true,
          dueDate: true,
          theme: { select: { key: true } },
        },
      },
    },
  });
  if (!session) return null;
  return session.commitments.map(({ theme, dueDate, ...commitment }) => ({
    code: commitment.code,
    theme: theme.key,
    titleAr: commitment.titleAr,
    titleEn: commitment.titleEn,
    textAr: commitment.textAr,
    textEn: commitment.textEn,
    sourceAr: commitment.sourceAr,
    dueDate: dueDate ? dueDate.toISOString().slice(0, 10) : null,
  }));
}
