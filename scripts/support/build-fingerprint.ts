// Decides whether `npm start` must build: a hash of everything that goes into the build,
// compared with the hash recorded after the last successful build.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

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

export function buildIsCurrent(root: string): boolean {
  const stamp = stampFile(root);
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(stamp)) return false;
  return readFileSync(stamp, "utf8") === fingerprint(root);
}

export function recordBuild(root: string): void {
  writeFileSync(stampFile(root), fingerprint(root));
}
