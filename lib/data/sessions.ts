import "server-only";
import { db } from "@/lib/db";

export type SessionSummary = {
  number: number;
  titleAr: string;
  titleEn: string;
  cityAr: string;
  cityEn: string;
  startsOn: Date;
};

const summary = { number: true, titleAr: true, titleEn: true, cityAr: true, cityEn: true, startsOn: true } as const;

/** The session whose commitments are being reported on: the most recent one. */
export async function getCurrentSession(): Promise<SessionSummary | null> {
  return db.councilSession.findFirst({ orderBy: { number: "desc" }, select: summary });
}

export async function getSessionByNumber(number: number): Promise<SessionSummary | null> {
  return db.councilSession.findUnique({ where: { number }, select: summary });
}
