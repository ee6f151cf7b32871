// Every integration test file runs on its own database, cloned from the migrated template
// before any application module (and so lib/env) is loaded.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const adminUrl = inject("databaseAdminUrl");
const template = inject("templateDatabase");
const database = `${template.replace("template", "file")}_${randomBytes(4).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
});
