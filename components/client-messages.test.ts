// Every client component finds its messages in the browser, and no page ships more: each page
// whose components (server or client, followed through their imports) translate in the
// browser, or use next-intl's Link or router (which need its provider), wraps itself in
// <ClientMessages namespaces={[…]}> with exactly the namespaces they translate with. The layout
// has no provider. A missing namespace (or provider) shows message keys or fails the page.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const imports = (source: string) => [...source.matchAll(/^import\s+(?!type\b)([^;]*?)\s+from\s+"([^"]+)";/gm)].map((m) => ({ names: m[1]!, from: m[2]! }));

type Needs = { namespaces: Set<string>; provider: boolean };

/** What the browser needs for the components `file` renders: itself, and what it imports. */
function needsOf(file: string, inClient = false, seen = new Set<string>()): Needs {
  const needs: Needs = { namespaces: new Set(), provider: false };
  if (seen.has(file) || !/\.tsx?$/.test(file)) return needs;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  const client = inClient || /^["']use client["'];?/m.test(source);
  if (client) {
    for (const m of source.matchAll(/useTranslations\(\s*(?:"([^"]*)")?\s*\)/g)) {
      // useTranslations() with no namespace (FormStatus) reads `forms`, and its form's own namespace.
      needs.namespaces.add(m[1] ? m[1].split(".")[0]! : "forms");
    }
    if (/\buse(Translations|Locale|Messages|Now|TimeZone|Formatter)\(/.test(source)) needs.provider = true;
  }
  for (const { names, from } of imports(source)) {
    // next-intl's Link, router and pathname hooks read the locale from its client provider; `redirect` does not.
    if (from === "@/lib/i18n/navigation" && /\b(Link|useRouter|usePathname)\b/.test(names)) needs.provider = true;
    const imported = resolveImport(file, from);
    if (!imported || (imported.includes(`${path.sep}lib${path.sep}`) && !client)) continue;
    const inner = needsOf(imported, client, seen);
    for (const namespace of inner.namespaces) needs.namespaces.add(namespace);
    needs.provider ||= inner.provider;
  }
  if (needs.namespaces.size > 0) needs.provider = true;
  return needs;
}

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? pages(full) : entry.name === "page.tsx" ? [full] : [];
  });
}

/** The namespaces a page gives through <ClientMessages>, or null without a provider. */
function given(page: string): string[] | null {
  const source = readFileSync(page, "utf8");
  const wrappers = [...source.matchAll(/<ClientMessages namespaces=\{\[([^\]]*)\]\}>/g)];
  if (wrappers.length === 0) return null;
  return [...new Set(wrappers.flatMap((m) => [...m[1]!.matchAll(/"([^"]+)"/g)].map((n) => n[1]!)))].sort();
}

describe("the messages sent to the browser", () => {
  const all = pages(path.join(root, "app", "[locale]"));

  it("finds the pages and what their components need", () => {
    expect(all.length).toBeGreaterThan(15);
    const page = (dir: string) => all.find((p) => p.endsWith(path.join(dir, "page.tsx")))!;
    expect(needsOf(page(path.join("countries", "[code]", "commitments", "[session]", "[number]")))).toEqual({
      namespaces: new Set(["common", "forms", "reporting"]),
      provider: true,
    });
    expect(needsOf(page("my-country"))).toEqual({ namespaces: new Set(), provider: true });
    expect(needsOf(page("[locale]"))).toEqual({ namespaces: new Set(), provider: false });
  });

  for (const page of all) {
    it(`are exactly what ${path.relative(root, page)} needs`, () => {
      const needs = needsOf(page);
      expect(given(page)).toEqual(needs.provider ? [...needs.namespaces].sort() : null);
    });
  }

  it("are none for the layout and its error and not-found pages, which have no provider above them", () => {
    for (const file of ["layout.tsx", "error.tsx", "not-found.tsx"]) {
      expect(needsOf(path.join(root, "app", "[locale]", file)), file).toEqual({ namespaces: new Set(), provider: false });
    }
  });
});
