import "server-only";
import { db } from "@/lib/db";

export type CountrySummary = { code: string; nameAr: string; nameEn: string };

export async function listCountries(): Promise<CountrySummary[]> {
  return db.country.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, nameAr: true, nameEn: true } });
}

// The member states are reference data: seeded, never written by the app. Kept once read.
const byCode = new Map<string, CountrySummary>();

export async function findCountry(code: string): Promise<CountrySummary | null> {
  const known = byCode.get(code);
  if (known) return known;
  const country = await db.country.findUnique({ where: { code }, select: { code: true, nameAr: true, nameEn: true } });
  if (country) byCode.set(code, country);
  return country;
}

export async function countCountries(): Promise<number> {
  return db.country.count();
}
