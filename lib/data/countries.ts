import "server-only";
import { db } from "@/lib/db";

export type CountrySummary = { code: string; nameAr: string; nameEn: string };

export async function listCountries(): Promise<CountrySummary[]> {
  return db.country.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, nameAr: true, nameEn: true } });
}

export async function countCountries(): Promise<number> {
  return db.country.count();
}
