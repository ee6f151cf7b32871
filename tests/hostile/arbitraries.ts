// fast-check arbitraries of hostile input, driven by the zod 4 schema an endpoint parses with
// (zod-fast-check does not read zod 4). Each generated input is a list of form/query/JSON
// entries: per field, sometimes a value the schema accepts (so the input reaches the data
// layer), sometimes a hostile one from tests/hostile/payloads.ts and the lists below, sometimes
// nothing; plus unknown and prototype-polluting fields.
import fc from "fast-check";
import { HOSTILE_PAYLOADS, hugeText } from "./payloads";

export type InputMode = "form" | "query" | "json";

/** A field left out of the input. */
export const MISSING: unique symbol = Symbol("missing");

/** A JSON value written as is (numbers JSON can spell but JavaScript cannot keep: 1e400). */
export class RawJson {
  constructor(readonly text: string) {}
}

export type Entry = readonly [key: string, value: unknown];
export type Entries = readonly Entry[];

export type InputOptions = {
  mode: InputMode;
  /** Valid values the schema cannot know, e.g. ids that exist: used in place of generated ones (4 in 5). */
  valid?: Record<string, fc.Arbitrary<unknown>>;
  /** Makes an all-valid input consistent across fields (a confirmation equal to the password). */
  derive?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** Further entries the endpoint reads outside its schema (checkboxes named by id, files). */
  extra?: fc.Arbitrary<Entries>;
  /** Relative weights of the three kinds of input; default 4 : 3 : 3. */
  weights?: { valid?: number; oneBroken?: number; chaos?: number };
};

// ── What a field's schema accepts ────────────────────────────────────────────────────────

/** A zod 4 schema, read through its definition (`_zod.def`). */
type Schema = object;
type CheckDef = { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string; pattern?: RegExp };
type Def = {
  type: string;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  options?: Schema[];
  values?: unknown[];
  entries?: Record<string, string | number>;
  element?: Schema;
  shape?: Record<string, Schema>;
  checks?: { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  format?: string;
  pattern?: RegExp;
};

const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((check) => check._zod.def);

export type Spec =
  | { kind: "text"; min: number; max: number | null; patterns: RegExp[]; format: string | null }
  | { kind: "choice"; values: readonly unknown[] }
  | { kind: "number"; min: number | null; max: number | null; int: boolean }
  | { kind: "boolean" }
  | { kind: "list"; element: FieldSpec; max: number | null }
  | { kind: "any" };

export type FieldSpec = { optional: boolean; alternatives: Spec[] };

function textSpec(def: Def): Extract<Spec, { kind: "text" }> {
  const checks = checksOf(def);
  const maxima = checks.filter((c) => c.check === "max_length" || c.check === "length_equals").map((c) => c.maximum ?? c.value ?? Infinity);
  const minima = checks.filter((c) => c.check === "min_length").map((c) => c.minimum ?? 0);
  const patterns = checks.filter((c) => c.check === "string_format" && c.pattern).map((c) => c.pattern!);
  const format = def.format && def.format !== "regex" ? def.format : null;
  return { kind: "text", min: Math.max(0, ...minima), max: maxima.length ? Math.min(...maxima) : null, patterns, format };
}

function numberSpec(def: Def): Extract<Spec, { kind: "number" }> {
  let min: number | null = null;
  let max: number | null = null;
  let int = false;
  for (const check of checksOf(def)) {
    if (check.check === "greater_than") min = (check.value ?? 0) + (check.inclusive ? 0 : 1);
    if (check.check === "less_than") max = (check.value ?? 0) - (check.inclusive ? 0 : 1);
    if (check.check === "number_format") int = true;
  }
  return { kind: "number", min, max, int };
}

/** What a field's schema takes as input (the input side of pipes and transforms). */
export function describeField(schema: Schema): FieldSpec {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
    case "catch":
      return { ...describeField(def.innerType!), optional: true };
    case "nullable": {
      const inner = describeField(def.innerType!);
      return { ...inner, alternatives: [...inner.alternatives, { kind: "choice", values: [null] }] };
    }
    case "readonly":
    case "nonoptional":
      return describeField(def.innerType!);
    case "pipe": {
      const inner = describeField(def.in!);
      const out = defOf(def.out!);
      // A string piped into a string (trim, then an e-mail format): the output's rules apply too.
      if (out.type === "string" && inner.alternatives.length === 1 && inner.alternatives[0]!.kind === "text") {
        const a = inner.alternatives[0] as Extract<Spec, { kind: "text" }>;
        const b = textSpec(out);
        const max = a.max === null ? b.max : b.max === null ? a.max : Math.min(a.max, b.max);
        return { ...inner, alternatives: [{ kind: "text", min: Math.max(a.min, b.min), max, patterns: [...a.patterns, ...b.patterns], format: b.format ?? a.format }] };
      }
      return inner;
    }
    case "union": {
      const options = def.options!.map(describeField);
      return { optional: options.some((o) => o.optional), alternatives: options.flatMap((o) => o.alternatives) };
    }
    case "literal":
      return { optional: false, alternatives: [{ kind: "choice", values: def.values ?? [] }] };
    case "enum":
      return { optional: false, alternatives: [{ kind: "choice", values: Object.values(def.entries ?? {}) }] };
    case "string":
      return { optional: false, alternatives: [textSpec(def)] };
    case "number":
      return { optional: false, alternatives: [numberSpec(def)] };
    case "boolean":
      return { optional: false, alternatives: [{ kind: "boolean" }] };
    case "array": {
      const max = checksOf(def).find((c) => c.check === "max_length")?.maximum ?? null;
      return { optional: false, alternatives: [{ kind: "list", element: describeField(def.element!), max }] };
    }
    default:
      return { optional: false, alternatives: [{ kind: "any" }] };
  }
}

/** The object schema under refinements and transforms, and its fields. */
export function objectShape(schema: Schema): Record<string, Schema> {
  let current = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = defOf(current);
    if (def.type === "object") return def.shape!;
    if (def.type === "pipe") current = def.in!;
    else if (def.innerType) current = def.innerType;
    else break;
  }
  throw new Error(`not an object schema: ${defOf(schema).type}`);
}

// ── Values ────────────────────────────────────────────────────────────────────────────────

const MEGABYTE_TEXT = hugeText();
const DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;
const LONE_SURROGATES = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 3 });
const CONTROL = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 3 });
const UNICODE_SPACE = ["\u00a0", "\u2003", "\u3000", "\u200b", "\u2028", "\ufeff"];

/** Strings no field should take as they are (or should take and keep as inert text). */
export const HOSTILE_STRINGS: readonly string[] = [
  ...HOSTILE_PAYLOADS.map((p) => p.text),
  MEGABYTE_TEXT,
  `${MEGABYTE_TEXT}\u0000`,
  "",
  " ",
  "\t\r\n \n",
  UNICODE_SPACE.join(""),
  "\u0000",
  "a\u0000b",
  "\u001b[31mred\u001b[0m",
  "\u007f",
  "\ud800",
  "a\udc00b",
  "\udbff\udfff",
  "\ufffe\uffff",
  "9".repeat(400),
  "1".padEnd(25, "0"),
  "-1",
  "0",
  "-0",
  "1.5",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "1e-400",
  "0x10",
  "1_000",
  "2147483647",
  "2147483648",
  "-2147483649",
  "9007199254740993",
  "9223372036854775807",
  "9223372036854775808",
  "99999999999999999999",
  "2026-02-30",
  "2026-02-29",
  "2026-13-01",
  "0000-01-01",
  "9999-12-31",
  "1970-01-01",
  "+275760-09-13",
  "2026-1-1",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "0195F0A4-3C2B-7D3E-8F00-1A2B3C4D5E6F",
  "0195f0a4-3c2b-7d3e-8f00-1a2b3c4d5e6f\u0000",
  "../../etc/passwd",
  "%00",
  "%F0%28%8C%28",
  "35/1",
  "35/0",
  "0/1",
  "35/1\u0000",
  "qa",
  "QA ",
  "ZZ",
  "all",
  "yes",
  "on",
];

// A query string travels in the request line: Node refuses one beyond 16 KB, so no megabyte
// string ever reaches a route handler there. Query strings get that size; forms and JSON get 1 MB.
const QUERY_LIMIT_TEXT = hugeText(16 * 1024);
const HOSTILE_QUERY_STRINGS = HOSTILE_STRINGS.map((text) => (text.length > QUERY_LIMIT_TEXT.length ? `${QUERY_LIMIT_TEXT}${text.slice(-1)}` : text));
const hostileStrings = (mode: InputMode) => fc.constantFrom(...(mode === "query" ? HOSTILE_QUERY_STRINGS : HOSTILE_STRINGS));

const JSON_WRONG_TYPES: readonly unknown[] = [
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 2,
  true,
  false,
  null,
  [],
  ["a"],
  [MEGABYTE_TEXT],
  Array.from({ length: 1000 }, () => "x"),
  {},
  { value: "x" },
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse(`${"[".repeat(500)}${"]".repeat(500)}`),
  new RawJson("1e400"),
  new RawJson("-1e400"),
  new RawJson(`1${"0".repeat(400)}`),
  new RawJson(`0.${"0".repeat(400)}1`),
  new RawJson("-0"),
];

const FORM_FILES: readonly File[] = [
  new File(["x"], "x.txt", { type: "text/plain" }),
  new File([], "", { type: "application/octet-stream" }),
];

/** `<input type="date">` values the calendar has. */
const CALENDAR_DATE = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const EMAIL = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,12}$/), fc.constantFrom("", ".x", "-y"), fc.constantFrom("test.tanfeeth.org", "example.gov.qa"), fc.boolean())
  .map(([name, suffix, domain, shout]) => {
    const address = `${name}${suffix}@${domain}`;
    return shout ? ` ${address.toUpperCase()} ` : address;
  });

const BENIGN_TEXT = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
  fc.constantFrom(
    "تعزيز الرقابة على الحدود",
    "Border control, strengthened",
    ...HOSTILE_PAYLOADS.filter((p) => !p.refused).map((p) => p.text),
  ),
);

function clampText(value: string, spec: Extract<Spec, { kind: "text" }>): string {
  const max = spec.max ?? Infinity;
  const padded = value.length < spec.min ? value.padEnd(spec.min, "x") : value;
  return padded.length > max ? padded.slice(0, max) : padded;
}

function validSpec(spec: Spec, mode: InputMode): fc.Arbitrary<unknown> {
  const asInput = (value: unknown) => (mode === "json" ? value : String(value));
  switch (spec.kind) {
    case "choice":
      return fc.constantFrom(...spec.values).map((value) => (mode === "json" || value === null ? value : String(value)));
    case "boolean":
      return mode === "json" ? fc.boolean() : fc.constantFrom("on", "true", "1", "false", "0");
    case "number": {
      const min = spec.min ?? -1_000;
      const max = Math.min(spec.max ?? min + 10_000, min + 1_000_000);
      const numbers = spec.int ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
      return fc.oneof(numbers, fc.constantFrom(min, max)).map(asInput);
    }
    case "list":
      return mode === "json"
        ? fc.array(fc.oneof(...spec.element.alternatives.map((s) => validSpec(s, mode))), { maxLength: Math.min(spec.max ?? 5, 5) })
        : fc.constant(MISSING);
    case "any":
      return fc.oneof(BENIGN_TEXT, fc.constant(MISSING));
    case "text": {
      if (spec.format === "uuid" || spec.format === "guid") return fc.uuid({ version: [4, 7] });
      if (spec.format === "email") return EMAIL;
      const pattern = spec.patterns[0];
      if (pattern?.source === DATE_PATTERN) return CALENDAR_DATE;
      if (pattern) return fc.stringMatching(pattern);
      // Text of the longest length allowed, now and then (long ones rarely: they are slow to write and to audit).
      const boundary = spec.max !== null && spec.max <= 250_000 ? [fc.constantFrom("x".repeat(spec.max), "😀".repeat(Math.floor(spec.max / 2)))] : [];
      const rarity = spec.max !== null && spec.max > 10_000 ? 40 : 8;
      return fc.oneof({ weight: rarity, arbitrary: BENIGN_TEXT }, ...boundary).map((value) => clampText(value, spec));
    }
  }
}

function hostileSpec(spec: Spec, mode: InputMode): fc.Arbitrary<unknown>[] {
  // A valid value with a control character, a lone surrogate or odd white space in it or around it.
  const valid = validSpec(spec, mode).map((v) => (typeof v === "string" ? v : typeof v === "symbol" ? "" : JSON.stringify(v)));
  const spoiled = fc
    .tuple(valid, fc.oneof(CONTROL, LONE_SURROGATES, fc.constantFrom(...UNICODE_SPACE, " ", "\u202e")), fc.nat(), fc.boolean())
    .map(([value, bad, at, wrap]) => (wrap ? `${bad}${value}${bad}` : `${value.slice(0, at % (value.length + 1))}${bad}${value.slice(at % (value.length + 1))}`));
  const derived: unknown[] = [];
  if (spec.kind === "text") {
    if (spec.max !== null && spec.max < 1_000_000) derived.push("x".repeat(spec.max + 1), "😀".repeat(spec.max), ` ${"x".repeat(spec.max)} `);
    if (spec.min > 0) derived.push("x".repeat(spec.min - 1));
  }
  if (spec.kind === "number") {
    if (spec.min !== null) derived.push(spec.min - 1, spec.min - 0.5);
    if (spec.max !== null) derived.push(spec.max + 1, spec.max + 0.5);
  }
  if (spec.kind === "choice") {
    for (const value of spec.values) {
      if (typeof value === "string") derived.push(value.toLowerCase(), value.toUpperCase(), ` ${value} `, `${value}\u0000`);
      if (typeof value === "number") derived.push(String(value), value + 0.5, `${value}.0`, ` ${value}`);
    }
  }
  const arbitraries: fc.Arbitrary<unknown>[] = [spoiled];
  if (derived.length > 0) arbitraries.push(fc.constantFrom(...derived.map((value) => (mode === "json" ? value : String(value)))));
  return arbitraries;
}

function hostileField(field: FieldSpec, mode: InputMode): fc.Arbitrary<unknown> {
  const arbitraries: fc.Arbitrary<unknown>[] = [
    hostileStrings(mode),
    fc.string({ unit: "binary", maxLength: 30 }),
    ...field.alternatives.flatMap((spec) => hostileSpec(spec, mode)),
  ];
  if (mode === "json") arbitraries.push(fc.constantFrom(...JSON_WRONG_TYPES));
  if (mode === "form") arbitraries.push(fc.constantFrom(...FORM_FILES));
  // The same field twice (form and query): the schema sees one of them.
  if (mode !== "json") arbitraries.push(fc.tuple(hostileStrings(mode), hostileStrings(mode)));
  return fc.oneof(...arbitraries);
}

/** A value the field's schema accepts (or may: pair it with `options.valid` where ids must exist). */
export function validField(field: FieldSpec, mode: InputMode): fc.Arbitrary<unknown> {
  return fc.oneof(...field.alternatives.map((spec) => validSpec(spec, mode)));
}

const POLLUTING_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__"];
const SCOPE_KEYS = ["actorId", "authorId", "userId", "role", "country", "countryCode", "id", "version", "$ACTION_ID_0", "$ACTION_REF_1", "1", ""];

function extraEntries(shapeKeys: string[], mode: InputMode): fc.Arbitrary<Entries> {
  const key = fc.oneof(fc.constantFrom(...POLLUTING_KEYS, ...SCOPE_KEYS), fc.string({ maxLength: 10 })).filter((k) => !shapeKeys.includes(k));
  const value = mode === "json" ? fc.oneof(hostileStrings(mode), fc.constantFrom(...JSON_WRONG_TYPES)) : hostileStrings(mode);
  return fc.array(fc.tuple(key, value), { maxLength: 3 });
}

/**
 * Inputs for an endpoint that parses with `schema`: all valid (4 in 10 by default), valid but
 * for one hostile or missing field (3 in 10), or each field valid, hostile or missing (3 in 10);
 * unknown fields are added to a third of them.
 */
export function inputArbitrary(schema: Schema, options: InputOptions): fc.Arbitrary<Entries> {
  const { mode } = options;
  const shape = objectShape(schema);
  const keys = Object.keys(shape);
  const fields = keys.map((key) => {
    const spec = describeField(shape[key]!);
    const override = options.valid?.[key];
    const generated = validField(spec, mode);
    const valid = override ? fc.oneof({ weight: 4, arbitrary: override }, { weight: 1, arbitrary: generated }) : generated;
    const hostile = hostileField(spec, mode);
    return {
      valid: spec.optional ? fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: fc.constant(MISSING) }) : valid,
      broken: fc.oneof({ weight: 4, arbitrary: hostile }, { weight: 1, arbitrary: fc.constant(MISSING) }),
    };
  });
  const toRecord = (values: unknown[]) => Object.fromEntries(keys.map((key, i) => [key, values[i]]));
  const allValid = fc.tuple(...fields.map((f) => f.valid)).map((values) => {
    const record = toRecord(values);
    return options.derive ? options.derive(record) : record;
  });
  const weights = { valid: 4, oneBroken: 3, chaos: 3, ...options.weights };
  const kinds: fc.WeightedArbitrary<Record<string, unknown>>[] = [{ weight: weights.valid, arbitrary: allValid }];
  if (keys.length > 0) {
    kinds.push(
      {
        weight: weights.oneBroken,
        arbitrary: fc
          .nat(keys.length - 1)
          .chain((broken) => fc.tuple(...fields.map((f, i) => (i === broken ? f.broken : f.valid))))
          .map(toRecord),
      },
      {
        weight: weights.chaos,
        arbitrary: fc.tuple(...fields.map((f) => fc.oneof(f.valid, f.broken))).map(toRecord),
      },
    );
  }
  const extras = fc.oneof({ weight: 2, arbitrary: fc.constant<Entries>([]) }, { weight: 1, arbitrary: extraEntries(keys, mode) });
  return fc
    .tuple(fc.oneof(...kinds), extras, options.extra ?? fc.constant<Entries>([]))
    .map(([record, extra, more]) => [...Object.entries(record), ...extra, ...more].filter(([, value]) => value !== MISSING));
}

// ── Inputs as requests see them ───────────────────────────────────────────────────────────

/** A form post: strings and files; a list is the same field repeated. */
export function toFormData(entries: Entries): FormData {
  const form = new FormData();
  for (const [key, value] of entries) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item instanceof Blob) form.append(key, item);
      else form.append(key, typeof item === "string" ? item : JSON.stringify(item) ?? String(item));
    }
  }
  return form;
}

export function toSearchParams(entries: Entries): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of entries) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, typeof item === "string" ? item : String(item));
  }
  return params;
}

/** A JSON body; `__proto__` stays an own key, as JSON.parse would make it. */
export function toJsonText(entries: Entries): string {
  const raw: string[] = [];
  const body = Object.fromEntries(entries);
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (value instanceof RawJson) {
      raw.push(value.text);
      return `@@raw:${raw.length - 1}@@`;
    }
    return value;
  });
  return text.replace(/"@@raw:(\d+)@@"/g, (_match, index: string) => raw[Number(index)]!);
}

/** Bodies that are not a JSON object at all. */
export const RAW_BODIES: readonly string[] = [
  "",
  " ",
  "null",
  "[]",
  '"text"',
  "42",
  "true",
  "{",
  '{"a":}',
  "\ufeff{}",
  '{"a":1,"a":2}',
  "{\"text\": \"\u0000\"}",
  JSON.stringify({ narrative: MEGABYTE_TEXT, text: MEGABYTE_TEXT, rationale: MEGABYTE_TEXT, comment: MEGABYTE_TEXT }),
  `${"[".repeat(10_000)}${"]".repeat(10_000)}`,
  "not json at all",
];
