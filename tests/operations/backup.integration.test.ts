// Threat: backups that cannot be restored, or restore something else than what was saved
// (lost rows, lost audit triggers, a schema Prisma no longer recognises).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { totpKeys } from "@/lib/env";
import { appendAudit } from "@/lib/data/audit";
import { DEFAULT_DEMO_PASSWORD, seedDemoAccounts, seedDemoHistory } from "@/prisma/seed-data/demo";
import { backup } from "@/scripts/db-backup";
import { restore } from "@/scripts/db-restore";
import { assertToolsMatchServer } from "@/scripts/support/pg-tools";
import { run } from "@/scripts/support/run";

const dir = mkdtempSync(path.join(tmpdir(), "tanfeeth-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function tableDigests(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const digests: Record<string, string> = {};
    for (const { table_name } of tables) {
      const name = client.escapeIdentifier(table_name);
      const { rows } = await client.query<{ n: string; digest: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${name} t`,
      );
      digests[table_name] = `${rows[0]!.n}:${rows[0]!.digest}`;
    }
    return digests;
  } finally {
    await client.end();
  }
}

async function triggers(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ tgname: string }>("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1");
  await client.end();
  return rows.map((r) => r.tgname);
}

describe("backup and restore", () => {
  it("restores every row of every table, the audit triggers and a clean migration state", async () => {
    const url = process.env.DATABASE_URL!;
    await seedDemoAccounts(db, { password: DEFAULT_DEMO_PASSWORD, totpSecret: "JBSWY3DPEHPK3PXP", totpKeys });
    await seedDemoHistory(db);
    await appendAudit(db, { actor: null, action: "test.backup", targetType: "test", after: { text: "نص عربي" } });

    const { dump } = await backup(url, path.join(dir, "tanfeeth.dump"));
    const restoredName = `${new URL(url).pathname.slice(1)}_restored`;
    const restoredUrl = await restore(url, dump, restoredName);

    const [before, after] = [await tableDigests(url), await tableDigests(restoredUrl)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(Number(before.report!.split(":")[0])).toBeGreaterThan(50);
    expect(after).toEqual(before);
    expect(await triggers(restoredUrl)).toEqual(await triggers(url));
    expect(await triggers(restoredUrl)).toContain("audit_log_append_only");

    const status = await run("npx", ["prisma", "migrate", "status"], {
      env: { ...process.env, DATABASE_URL: restoredUrl, CHECKPOINT_DISABLE: "1" },
      quiet: true,
    });
    expect(status).toContain("Database schema is up to date");

    // The restored audit log is as immutable as the original.
    const client = new pg.Client({ connectionString: restoredUrl });
    await client.connect();
    await expect(client.query("UPDATE audit_log SET action = 'forged'")).rejects.toThrow(/append-only/);
    await client.end();
  });

  it("refuses to restore over an existing database", async () => {
    const url = process.env.DATABASE_URL!;
    const { dump } = await backup(url, path.join(dir, "again.dump"));
    await expect(restore(url, dump, new URL(url).pathname.slice(1))).rejects.toThrow(/already exists/);
  });

  it("says clearly which client tools to install when they are older than the server", async () => {
    const oldTool = path.join(dir, "pg_dump");
    writeFileSync(oldTool, "#!/bin/sh\necho 'pg_dump (PostgreSQL) 13.9'\n");
    chmodSync(oldTool, 0o755);
    await expect(assertToolsMatchServer(process.env.DATABASE_URL!, oldTool)).rejects.toThrow(
      /pg_dump 13 is older than the PostgreSQL 15 server.*postgresql-client-15/,
    );
    await expect(assertToolsMatchServer(process.env.DATABASE_URL!, "pg_dump")).resolves.toBeUndefined();
  });
});
