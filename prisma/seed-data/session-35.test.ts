import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countries } from "./countries";
import { commitments, communiqueAr, themes } from "./session-35";

describe("the 35th session seed", () => {
  it("keeps the communiqué exactly as the shared original", () => {
    const original = new URL("../../../shared/seeds/communique-35-algiers.ar.txt", import.meta.url);
    let shared: string | null = null;
    try {
      shared = readFileSync(original, "utf8");
    } catch {
      // The shared folder only exists in the development workspace, not in CI.
    }
    if (shared !== null) expect(communiqueAr).toBe(shared);
  });

  it("quotes every source sentence exactly from the communiqué", () => {
    for (const commitment of commitments) {
      expect(communiqueAr, commitment.code).toContain(commitment.sourceAr);
    }
  });

  it("numbers the commitments 35/1 … 35/n in order", () => {
    expect(commitments.map((c) => c.code)).toEqual(commitments.map((_, i) => `35/${i + 1}`));
  });

  it("covers each of the eight operative themes once", () => {
    expect(commitments.map((c) => c.theme).sort()).toEqual(themes.map((t) => t.key).sort());
  });

  it("makes no commitment of praise or of the Qatari delegation's visit", () => {
    for (const narrative of ["أشاد", "شاركت", "التقى"]) {
      for (const commitment of commitments) expect(commitment.sourceAr).not.toContain(narrative);
    }
  });

  it("has Arabic and English titles and texts for every commitment", () => {
    for (const c of commitments) {
      expect(c.titleAr).toMatch(/[\u0600-\u06FF]/);
      expect(c.textAr).toMatch(/[\u0600-\u06FF]/);
      expect(c.titleEn).toMatch(/^[\x20-\x7E’]+$/);
      expect(c.textEn).toMatch(/^[\x20-\x7E’]+$/);
    }
  });

  it("lists the 22 member states of the League with unique ISO codes", () => {
    expect(countries).toHaveLength(22);
    expect(new Set(countries.map((c) => c.code)).size).toBe(22);
    for (const c of countries) expect(c.code).toMatch(/^[A-Z]{2}$/);
  });
});
