// `npm run user:create`: the first admin of a new installation, created from the command line.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

const root = path.resolve(import.meta.dirname, "../..");

function userCreate(...args: string[]) {
  return spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/user-create.ts", ...args], {
    cwd: root,
    env: { ...process.env, NEXTAUTH_URL: "https://tanfeeth.example.org" },
    encoding: "utf8",
  });
}

describe("npm run user:create", () => {
  it("creates the account with no password and prints its one-time set-password link", async () => {
    const result = userCreate("--email", "First.Admin@Example.org", "--role", "admin", "--name", "First Admin");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Created ADMIN first.admin@example.org.");
    const link = /https:\/\/tanfeeth\.example\.org\/en\/set-password\/(\S+)/.exec(result.stdout);
    expect(link).not.toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { email: "first.admin@example.org" }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ role: "ADMIN", name: "First Admin", passwordHash: null, deactivatedAt: null });
    expect(await db.passwordToken.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "user.created", targetId: user.id, ip: "cli" } })).toBe(1);
  });

  it("refuses bad arguments with the usage and creates nothing", async () => {
    const before = await db.user.count();
    for (const args of [["--email", "not-an-address", "--role", "ADMIN"], ["--email", "x@example.org", "--role", "KING"], ["--email", "d@example.org", "--role", "DELEGATE"]]) {
      const result = userCreate(...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("Usage: npm run user:create");
    }
    expect(await db.user.count()).toBe(before);
  });
});
