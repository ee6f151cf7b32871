// Threat: prisma/schema.prisma and prisma/migrations describing different databases — a model
// changed without a migration (the client then queries columns production never gets), or a
// migration edited by hand away from the schema.
import { describe, expect, it } from "vitest";
import { run } from "@/scripts/support/run";

describe("the migrations and schema.prisma", () => {
  it("describe the same database", { timeout: 120_000 }, async () => {
    // Prisma replays the migrations on a shadow database (prisma/cli-adapter.ts makes one on the
    // test's server) and compares the result with the schema; --exit-code fails on a difference,
    // whose SQL the rejection carries.
    const output = await run(
      "npx",
      ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code"],
      { quiet: true },
    );
    expect(output).toContain("-- This is an empty migration.");
  });
});
