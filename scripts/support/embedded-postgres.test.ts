// Importing embedded-postgres must not decide a process's exit code: the test runners that
// load it (vitest's integration setup, the Playwright runner through the outage spec) report
// failed tests with process.exitCode and then end on their own.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("the embedded PostgreSQL module", () => {
  it("leaves the exit code of a process that ends on its own to that process", () => {
    const script = 'await import("./scripts/support/embedded-postgres.ts"); process.exitCode = 3;';
    const result = spawnSync("npx", ["tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(3);
    expect(result.stderr).toBe("");
  });
});
