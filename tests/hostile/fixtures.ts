// What the hostile-input properties need to exist: users of each role (as ids and as the
// Actor the data layer takes), the seeded reference data, and placeholders that a `prepare`
// step replaces with something made just before the call (a fresh report, a pending file).
import fc from "fast-check";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { generateTotpSecret, totpCode } from "@/lib/auth/totp";
import { openTotpSecret, sealTotpSecret } from "@/lib/auth/totp-secret-box";
import { db } from "@/lib/db";
import { totpKeys } from "@/lib/env";
import { createUser } from "@/tests/factories";
import type { Entries } from "./arbitraries";

export type TestUser = { id: string; actor: Actor };

export async function testUser(role: Role, countryCode?: string): Promise<TestUser> {
  const user = await createUser({ role, ...(countryCode ? { countryCode } : {}) });
  return { id: user.id, actor: { id: user.id, email: user.email, name: user.name, role: user.role, countryCode: user.countryCode } };
}

/** How long one endpoint's property may run (1,000 inputs, each reaching PostgreSQL). */
export const PROPERTY_TIMEOUT = 120_000;

/** The reporting cast: a delegate of QA and one of DZ, an observer, the secretariat, an admin; and the member states. */
export async function reportingCast() {
  const [qa, dz, observer, secretariat, admin] = await Promise.all([
    testUser("DELEGATE", "QA"),
    testUser("DELEGATE", "DZ"),
    testUser("OBSERVER"),
    testUser("SECRETARIAT"),
    testUser("ADMIN"),
  ]);
  return { qa, dz, observer, secretariat, admin, countries: await countryCodes() };
}

/** Commitments of the seeded session 35. */
export const SESSION_35_CODES = Array.from({ length: 8 }, (_, i) => `35/${i + 1}`);

export const commitmentCode = () => fc.constantFrom(...SESSION_35_CODES);

/** A commitment code and a country code as the schemas read them, or null (nothing to look up). */
export function pairOf(code: unknown, country: unknown): { code: string; country: string } | null {
  if (typeof code !== "string" || typeof country !== "string") return null;
  const pair = { code: code.trim(), country: country.trim().toUpperCase() };
  return /^[1-9]\d{0,3}\/[1-9]\d{0,3}$/.test(pair.code) && /^[A-Z]{2}$/.test(pair.country) ? pair : null;
}

export async function countryCodes(): Promise<string[]> {
  return (await db.country.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((c) => c.code);
}

export async function themeKeys(): Promise<string[]> {
  return (await db.theme.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((t) => t.key);
}

/** A value the `prepare` step replaces. */
export const placeholder = (name: string) => `@@${name}@@`;

export function valueOf(entries: Entries, key: string): unknown {
  return entries.findLast(([k]) => k === key)?.[1];
}

/** Replaces every entry whose value is the placeholder with `make()`'s value. */
export async function fill(entries: Entries, name: string, make: () => Promise<string>): Promise<Entries> {
  const marker = placeholder(name);
  if (!entries.some(([, value]) => value === marker)) return entries;
  const value = await make();
  return entries.map(([key, v]) => [key, v === marker ? value : v] as const);
}

/** The current code of the user's (pending) authenticator, after making sure there is one. */
export async function codeFor(userId: string, which: "pending" | "enabled"): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpPendingSecret: true } });
  const stored = which === "pending" ? user.totpPendingSecret : user.totpSecret;
  if (stored) return totpCode(openTotpSecret(userId, stored, totpKeys).secret);
  const secret = generateTotpSecret();
  const sealed = sealTotpSecret(userId, secret, totpKeys);
  await db.user.update({
    where: { id: userId },
    data: which === "pending" ? { totpPendingSecret: sealed } : { totpSecret: sealed, totpEnabledAt: new Date(), totpLastStep: null },
  });
  return totpCode(secret);
}
