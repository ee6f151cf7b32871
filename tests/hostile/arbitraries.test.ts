import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ImportItemSchema, CreateSessionSchema, CarryOverSchema } from "@/lib/validation/council-sessions";
import { AssessmentSchema, ReportFormSchema, ReportSubmissionSchema } from "@/lib/validation/reports";
import { CreateUserSchema, HandOverSchema } from "@/lib/validation/users";
import { EmailSchema } from "@/lib/validation/password";
import {
  HOSTILE_STRINGS,
  RawJson,
  describeField,
  inputArbitrary,
  objectShape,
  toFormData,
  toJsonText,
  toSearchParams,
  type Entries,
} from "./arbitraries";

const sample = (arbitrary: fc.Arbitrary<Entries>, numRuns = 2_000) => fc.sample(arbitrary, { numRuns, seed: 42 });

describe("what a field's schema accepts", () => {
  it("reads bounds, formats, patterns and choices through optional, default, union and pipe", () => {
    expect(describeField(z.string().trim().min(1).max(200))).toEqual({ optional: false, alternatives: [{ kind: "text", min: 1, max: 200, patterns: [], format: null }] });
    expect(describeField(z.union([z.literal(""), z.uuid()]).optional().transform((v) => v || null))).toMatchObject({
      optional: true,
      alternatives: [{ kind: "choice", values: [""] }, { kind: "text", format: "uuid" }],
    });
    expect(describeField(z.coerce.number().int().min(1).max(9999))).toEqual({ optional: false, alternatives: [{ kind: "number", min: 1, max: 9999, int: true }] });
    expect(describeField(EmailSchema)).toMatchObject({ alternatives: [{ kind: "text", format: "email", max: 254 }] });
    expect(describeField(z.enum(["a", "b"]).default("a"))).toEqual({ optional: true, alternatives: [{ kind: "choice", values: ["a", "b"] }] });
    expect(describeField(z.array(z.string()).max(20).default([]))).toMatchObject({ optional: true, alternatives: [{ kind: "list", max: 20 }] });
    expect(describeField(z.string().regex(/^\d{4}-\d{2}-\d{2}$/).transform((v) => new Date(v)))).toMatchObject({
      alternatives: [{ kind: "text", patterns: [/^\d{4}-\d{2}-\d{2}$/] }],
    });
  });

  it("finds the object under refinements and transforms", () => {
    expect(Object.keys(objectShape(HandOverSchema))).toEqual(["countryCode", "newUserId", "newEmail", "newName", "keepPrevious"]);
    expect(Object.keys(objectShape(CarryOverSchema))).toEqual(["sessionNumber"]);
    expect(() => objectShape(z.string())).toThrow(/not an object schema/);
  });
});

describe("hostile inputs of a schema", () => {
  const users = sample(inputArbitrary(CreateUserSchema, { mode: "form" }));

  it("are valid often enough to reach the data layer, and refused often enough to test the refusals", () => {
    const accepted = users.filter((entries) => CreateUserSchema.safeParse(Object.fromEntries(toFormData(entries))).success).length;
    expect(accepted / users.length).toBeGreaterThan(0.2);
    expect(accepted / users.length).toBeLessThan(0.8);
  });

  it("leave fields out, add unknown and prototype-polluting ones, and send files where text is due", () => {
    expect(users.some((entries) => !entries.some(([key]) => key === "email"))).toBe(true);
    expect(users.some((entries) => entries.some(([key]) => key === "__proto__"))).toBe(true);
    expect(users.some((entries) => entries.some(([key]) => !["email", "name", "role", "countryCode"].includes(key)))).toBe(true);
    expect(users.some((entries) => entries.some(([, value]) => value instanceof File))).toBe(true);
  });

  it("carry the corpus: huge, empty, blank, NUL, control characters, lone surrogates, long numbers, impossible dates", () => {
    const values = users.flatMap((entries) => entries.map(([, value]) => value)).filter((v): v is string => typeof v === "string");
    expect(values.some((v) => Buffer.byteLength(v) >= 1024 * 1024)).toBe(true);
    expect(values).toContain("");
    expect(values.some((v) => v.length > 0 && v.trim() === "")).toBe(true);
    expect(values.some((v) => v.includes("\u0000"))).toBe(true);
    expect(values.some((v) => /[\u0001-\u0008\u000b\u000c\u000e-\u001f]/.test(v))).toBe(true);
    expect(values.some((v) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(v))).toBe(true);
    expect(HOSTILE_STRINGS).toEqual(expect.arrayContaining(["9".repeat(400), "NaN", "Infinity", "-1", "2026-02-30", "__proto__", "constructor"]));
  });

  it("send wrong types in JSON: numbers, arrays, objects, null, numbers JavaScript cannot hold", () => {
    const bodies = sample(inputArbitrary(AssessmentSchema, { mode: "json" })).flatMap((entries) => entries.map(([, value]) => value));
    expect(bodies.some((v) => Array.isArray(v))).toBe(true);
    expect(bodies.some((v) => v === null)).toBe(true);
    expect(bodies.some((v) => v instanceof RawJson)).toBe(true);
    expect(bodies.some((v) => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof RawJson))).toBe(true);
    expect(bodies).toEqual(expect.arrayContaining([-1, 0, 1]));
  });

  it("use the valid values an endpoint gives for ids that must exist", () => {
    const id = "0195f0a4-3c2b-7d3e-8f00-1a2b3c4d5e6f";
    const inputs = sample(inputArbitrary(z.object({ userId: z.uuid() }), { mode: "form", valid: { userId: fc.constant(id) } }), 500);
    expect(inputs.filter((entries) => entries.some(([, value]) => value === id)).length).toBeGreaterThan(100);
  });

  it("make an all-valid input consistent with `derive`", () => {
    const schema = z.object({ a: z.string().min(12), b: z.string() }).refine((v) => v.a === v.b);
    const inputs = sample(inputArbitrary(schema, { mode: "form", derive: (v) => ({ ...v, b: v.a }), weights: { oneBroken: 0, chaos: 0 } }), 300);
    const parsed = inputs.map((entries) => schema.safeParse(Object.fromEntries(toFormData(entries))).success);
    expect(parsed.filter(Boolean).length).toBeGreaterThan(200);
  });

  it("are mostly valid in the valid kind, given what the schema cannot tell (a commitment code behind a refinement)", () => {
    const code = fc.constant("35/1");
    const links = fc.array(fc.webUrl(), { maxLength: 3 });
    for (const [name, schema, mode, valid] of [
      ["report form", ReportFormSchema, "form", { commitment: code, evidenceLinks: links.map((l) => l.join("\n")) }],
      ["report submission", ReportSubmissionSchema, "json", { commitment: code, evidenceLinks: links }],
      ["session", CreateSessionSchema, "form", {}],
      ["imported commitment", ImportItemSchema, "json", {}],
    ] as const) {
      const inputs = sample(inputArbitrary(schema, { mode, valid, weights: { oneBroken: 0, chaos: 0 } }), 300);
      const parse = (entries: Entries) => schema.safeParse(mode === "form" ? Object.fromEntries(toFormData(entries)) : JSON.parse(toJsonText(entries)));
      expect(inputs.filter((entries) => parse(entries).success).length, name).toBeGreaterThan(100);
    }
  });
});

describe("inputs as requests carry them", () => {
  it("form data repeats a field given twice and keeps files", () => {
    const file = new File(["x"], "x.txt");
    const form = toFormData([["a", ["1", "2"]], ["f", file], ["n", "3"]]);
    expect(form.getAll("a")).toEqual(["1", "2"]);
    expect(form.get("f")).toBeInstanceOf(File);
    expect(toSearchParams([["a", ["1", "2"]], ["b", "\u0000"]]).toString()).toBe("a=1&a=2&b=%00");
  });

  it("JSON keeps __proto__ as an own key and writes numbers JavaScript cannot hold", () => {
    const text = toJsonText([["__proto__", { polluted: "yes" }], ["n", new RawJson("1e400")], ["s", "x"]]);
    expect(text).toBe('{"__proto__":{"polluted":"yes"},"n":1e400,"s":"x"}');
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.hasOwn(parsed, "__proto__")).toBe(true);
    expect(parsed.n).toBe(Infinity);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
