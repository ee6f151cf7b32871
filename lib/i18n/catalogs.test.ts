import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogs } from "./catalogs";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(name, value);
    else for (const [k, v] of flatten(value, name)) entries.set(k, v);
  }
  return entries;
}

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  const ar = flatten(catalogs.ar as unknown as Tree);
  const en = flatten(catalogs.en as unknown as Tree);

  it("have the same keys in Arabic and English", () => {
    expect([...ar.keys()].filter((key) => !en.has(key))).toEqual([]);
    expect([...en.keys()].filter((key) => !ar.has(key))).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, message] of en) {
      expect(placeholders(ar.get(key) ?? ""), key).toEqual(placeholders(message));
    }
  });

  it("have no empty message", () => {
    for (const [key, message] of [...ar, ...en]) expect(message.trim(), key).not.toBe("");
  });

  it("register every namespace file of both locales", () => {
    const dir = path.join(import.meta.dirname, "messages");
    const files = (locale: string) =>
      readdirSync(path.join(dir, locale))
        .map((file) => file.replace(/\.json$/, ""))
        .sort();
    expect(files("ar")).toEqual(files("en"));
    expect(files("en")).toEqual(Object.keys(catalogs.en).sort());
  });
});
