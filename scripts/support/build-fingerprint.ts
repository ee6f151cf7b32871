// Decides whether `npm start` (and the benchmarks) must build: a hash of everything that goes
// into the build, compared with the hash recorded after the last successful build.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { run } from "./run";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "generated",
  "prisma/schema.prisma",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "tsconfig.build.json",
  "instrumentation.ts",
  "package-lock.json",
];

function files(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { withFileTypes: true })
    .flatMap((child) => files(root, path.join(entry, child.name)))
    .sort();
}

function fingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap((entry) => files(root, entry))) {
    hash.update(file).update("\0").update(readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex");
}

const stampFile = (root: string) => path.join(root, ".next", "tanfeeth-build.sha256");

/**
 * Runs `next build` (production) unless the last build was of these very sources, then records
 * them. The sources are hashed before the build starts, so that a file edited during the build
 * makes the next start build again. Resolves true when it built.
 */
export async function buildIfChanged(root: string, options: { env: NodeJS.ProcessEnv; announce: string }): Promise<boolean> {
  const sources = fingerprint(root);
  const stamp = stampFile(root);
  if (existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === sources) return false;
  console.log(options.announce);
  await run("npx", ["next", "build"], { env: { ...options.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, cwd: root });
  writeFileSync(stamp, sources);
  return true;
}
