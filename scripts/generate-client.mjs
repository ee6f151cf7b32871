// `prisma generate` reads the datasource URL while loading the schema, and without one
// it falls back to downloading a native query engine. Generation never connects, so a
// placeholder is enough when DATABASE_URL is not set (e.g. during `npm ci`).
import { spawnSync } from "node:child_process";

const env = { ...process.env };
env.DATABASE_URL ||= "postgresql://generate@localhost:5432/unused";
const result = spawnSync("prisma", ["generate"], { stdio: "inherit", env, shell: process.platform === "win32" });
process.exit(result.status ?? 1);
