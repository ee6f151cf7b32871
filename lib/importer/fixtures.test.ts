import { describe, expect, it } from "vitest";
import { themes } from "@/prisma/seed-data/session-35";
import { inventedCommuniques } from "./fixtures/invented";
import { proposeCommitments } from "./propose";

describe.each(inventedCommuniques)("$name", (fixture) => {
  const result = proposeCommitments(fixture.text, { themes });

  it("is detected in its language", () => {
    expect(result.language).toBe(fixture.language);
  });

  it.each(fixture.proposals)("proposes “$anchor” as $kind, theme $theme", ({ anchor, kind, theme }) => {
    const at = fixture.text.indexOf(anchor);
    expect(at, "anchor in the text").toBeGreaterThanOrEqual(0);
    const proposal = result.proposals.find((p) => p.start <= at && at + anchor.length <= p.end);
    expect(proposal, "a proposal containing the anchor").toBeDefined();
    expect(proposal?.kind).toBe(kind);
    expect(proposal?.theme).toBe(theme);
  });

  it.each(fixture.skipped)("skips “$anchor” ($reason)", ({ anchor, reason }) => {
    const at = fixture.text.indexOf(anchor);
    expect(at, "anchor in the text").toBeGreaterThanOrEqual(0);
    expect(result.proposals.filter((p) => p.start < at + anchor.length && at < p.end)).toEqual([]);
    expect(result.skipped.find((s) => s.start <= at && at + anchor.length <= s.end)?.reason).toBe(reason);
  });

  it("proposes nothing else", () => {
    expect(result.proposals).toHaveLength(fixture.proposalCount);
  });
});
