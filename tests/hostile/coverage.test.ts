// Every route handler and server action of the permission matrix has its hostile-input
// property: a new endpoint cannot be left out unnoticed.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actions, routes } from "@/tests/permission-matrix";

const dir = import.meta.dirname;
const sources = readdirSync(dir)
  .filter((file) => file.endsWith(".integration.test.ts") && file !== "regressions.integration.test.ts")
  .map((file) => readFileSync(path.join(dir, file), "utf8"))
  .join("\n");

// next-auth's own handler (sign-in, CSRF) is tested in lib/auth/sign-in.integration.test.ts.
const NOT_HERE = new Set(["/api/auth/[...nextauth]"]);

describe("the hostile-input properties", () => {
  it("cover every server action", () => {
    const names = [...new Set(actions.map((a) => a.action))];
    expect(names.length).toBeGreaterThan(30);
    expect(names.filter((name) => !sources.includes(`action: ${name} as ServerAction`))).toEqual([]);
  });

  it("cover every route handler", () => {
    const handlers = [...new Set(routes.filter((r) => !NOT_HERE.has(r.route)).map((r) => `${r.method} ${r.route.replace(/\[(\w+)\]/g, "{$1}")}`))];
    expect(handlers.length).toBeGreaterThan(10);
    expect(handlers.filter((handler) => !sources.includes(`it("${handler}`))).toEqual([]);
  });
});
