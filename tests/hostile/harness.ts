// The hostile-input properties of every server action and route handler: whatever the input,
// never an unexpected error (a 500, `errors.unexpected`), a refusal in the user's words (a
// catalog key, an API error code), and a refusal writes nothing (no row of any table changed:
// fingerprint.ts) but the audit row of a write refused for lack of permission; an accepted
// change comes with its audit row.
import fc from "fast-check";
import { NextRequest } from "next/server";
import { expect } from "vitest";
import type { ZodType } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import type { ApiErrorCode } from "@/lib/api/respond";
import { sessionCookieName } from "@/lib/auth/session-policy";
import { secureCookies } from "@/lib/env";
import { catalogs } from "@/lib/i18n/catalogs";
import { sessionToken } from "@/tests/auth";
import { inputArbitrary, toFormData, type Entries, type InputOptions } from "./arbitraries";
import { countRowChanges, rowChanges, writtenTables, type RowChanges } from "./fingerprint";
import { actionRequest } from "./next-request";

/** Runs per endpoint and actor kind; FC_SEED and FC_PATH replay a failure fast-check reported. */
export const RUNS = Number(process.env.HOSTILE_RUNS ?? 1_000);

export function assertOptions<T>(numRuns: number): fc.Parameters<T> {
  return {
    numRuns,
    ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}),
    ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
  };
}

// ── Sessions ──────────────────────────────────────────────────────────────────────────────

const tokens = new Map<string, string>();

/** A real session cookie's value for the user, re-issued after a change that may have ended their sessions. */
async function tokenOf(userId: string): Promise<string> {
  let token = tokens.get(userId);
  if (!token) {
    token = await sessionToken(userId);
    tokens.set(userId, token);
  }
  return token;
}

export function forgetSessions(): void {
  tokens.clear();
}

// ── What a refusal must look like ─────────────────────────────────────────────────────────

type Tree = { [key: string]: string | Tree };
function keysOf(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));
}
const arabicKeys = new Set(keysOf(catalogs.ar as unknown as Tree));
const CATALOG_KEYS = new Set(keysOf(catalogs.en as unknown as Tree).filter((key) => arabicKeys.has(key)));
const NAMESPACES = Object.keys(catalogs.en);

/** Whether the form can show the message in both languages (components/forms/form-status.tsx: `forms.*`, then any namespace). */
function isCatalogMessage(key: string | undefined): boolean {
  return key !== undefined && [`forms.${key}`, ...NAMESPACES.map((ns) => `${ns}.${key}`)].some((candidate) => CATALOG_KEYS.has(candidate));
}

const API_ERROR_CODES: readonly ApiErrorCode[] = ["bad_request", "unauthenticated", "forbidden", "not_found", "conflict", "too_many_requests", "unavailable"];

function expectFormState(state: FormState<unknown>) {
  expect(["success", "error"]).toContain(state.status);
  expect(state.message).not.toBe("errors.unexpected");
  if (state.status === "error" || state.message !== undefined) expect(isCatalogMessage(state.message), `message ${state.message}`).toBe(true);
  for (const [field, errors] of Object.entries(state.fieldErrors ?? {})) {
    expect(errors, field).toEqual(expect.arrayContaining([expect.any(String)]));
  }
}

function expectNoPollution() {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted, "Object.prototype was polluted").toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}

let watching = false;

/** Starts counting row changes in this file's database; call once, before the properties. */
export async function watchWrites(): Promise<void> {
  await countRowChanges();
  watching = true;
}

let lastCounts: RowChanges | null = null;

async function rowsNow(): Promise<RowChanges> {
  if (!watching) throw new Error("call watchWrites() in beforeAll first");
  lastCounts = await rowChanges();
  return lastCounts;
}

/** The counts before a call: those after the previous call of the same property, unless a `prepare` step ran since. */
async function rowsBefore(prepared: boolean): Promise<RowChanges> {
  const counts = prepared ? null : lastCounts;
  lastCounts = null; // a run that fails half-way leaves no counts behind
  return counts ?? rowsNow();
}

/** A property starts from fresh counts: its test may have written fixtures. */
function startProperty() {
  lastCounts = null;
}

/**
 * A refusal leaves every table as it was (fingerprint.ts) — but for the audit row of a write refused
 * to a signed-in caller for lack of permission (one a minute per caller and target, so the same
 * refusal again writes none); an accepted change comes with an audit row.
 */
async function expectWrites(
  before: RowChanges,
  outcome: { refused: boolean; what: string; audited: boolean; forbidden?: boolean },
): Promise<void> {
  const written = writtenTables(before, await rowsNow());
  if (outcome.refused) {
    const allowed = outcome.forbidden && written.audit_log === 1 ? { audit_log: 1 } : {};
    expect(written, `refused (${outcome.what}) but changed rows`).toEqual(allowed);
  }
  else if (outcome.audited && Object.keys(written).length > 0) {
    expect(written.audit_log ?? 0, `${outcome.what} changed ${JSON.stringify(written)} without an audit row`).toBeGreaterThan(0);
  }
}

// ── Server actions ────────────────────────────────────────────────────────────────────────

export type ServerAction = (previous: FormState<never>, formData: FormData) => Promise<FormState<unknown>>;

export type ActionCheck = {
  action: ServerAction;
  schema: ZodType;
  /** Users who may call the action, one picked per run (null: signed out, for public actions). */
  actors: readonly (string | null)[];
  input?: Omit<InputOptions, "mode">;
  /** Puts in what must exist at call time (a fresh link, a pending file) in place of placeholders. */
  prepare?: (entries: Entries, actor: string | null) => Promise<Entries>;
  /** A refusal that keeps something by design (a stale submission keeps its text as the draft). */
  keepsOnRefusal?: (state: FormState<unknown>) => boolean;
  /** Accepted calls that change data without an audit row, by design. */
  unaudited?: boolean;
  numRuns?: number;
};

export async function checkAction(check: ActionCheck): Promise<void> {
  startProperty();
  const input = inputArbitrary(check.schema, { mode: "form", ...check.input });
  await fc.assert(
    fc.asyncProperty(fc.nat(check.actors.length - 1), input, async (actorIndex, entries) => {
      const actor = check.actors[actorIndex] ?? null;
      actionRequest.sessionToken = actor ? await tokenOf(actor) : null;
      const prepared = check.prepare ? await check.prepare(entries, actor) : entries;
      const before = await rowsBefore(check.prepare !== undefined);
      const state = await check.action({ status: "idle" }, toFormData(prepared));
      expectFormState(state);
      const refused = state.status === "error" && !check.keepsOnRefusal?.(state);
      const forbidden = state.message === "errors.forbidden";
      await expectWrites(before, { refused, what: state.message ?? state.status, audited: !check.unaudited, forbidden });
      if (state.status === "success") forgetSessions();
      expectNoPollution();
    }),
    assertOptions(check.numRuns ?? RUNS),
  );
}

/** Callers the action refuses: always before the input is parsed, with nothing written. */
export async function checkActionRefuses(check: Pick<ActionCheck, "action" | "schema" | "input" | "actors" | "numRuns">) {
  startProperty();
  const input = inputArbitrary(check.schema, { mode: "form", ...check.input });
  await fc.assert(
    fc.asyncProperty(fc.nat(check.actors.length - 1), input, async (actorIndex, entries) => {
      const actor = check.actors[actorIndex] ?? null;
      actionRequest.sessionToken = actor ? await tokenOf(actor) : null;
      const before = await rowsBefore(false);
      const state = await check.action({ status: "idle" }, toFormData(entries));
      expect(state.status).toBe("error");
      expect(state.message).toBe(actor ? "errors.forbidden" : "errors.unauthenticated");
      expect(state.fieldErrors).toBeUndefined();
      await expectWrites(before, { refused: true, what: state.message!, audited: true, forbidden: actor !== null });
    }),
    assertOptions(check.numRuns ?? Math.ceil(RUNS / 10)),
  );
}

// ── Route handlers ────────────────────────────────────────────────────────────────────────

export type RouteInput = {
  path: string;
  query?: Entries;
  params?: Record<string, string>;
  /** The request body's text, sent as JSON. */
  body?: string;
};

export type RouteHandler = (request: NextRequest, context: { params: Promise<never> }) => Promise<Response>;

export type RouteCheck = {
  handler: RouteHandler;
  method: "GET" | "POST" | "PUT";
  actors: readonly string[];
  request: fc.Arbitrary<RouteInput>;
  prepare?: (input: RouteInput) => Promise<RouteInput>;
  /** Whether an accepted request may write (a submission; the audit log's export is itself audited). */
  writes?: boolean;
  numRuns?: number;
};

/** Lone surrogates as a URL carries them: replaced, as UTF-8 cannot hold them. */
const wellFormed = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

async function routeRequest(method: string, input: RouteInput, userId: string | null): Promise<NextRequest> {
  const url = new URL(`http://localhost${input.path.split("/").map((segment) => encodeURIComponent(wellFormed(segment))).join("/")}`);
  for (const [key, value] of input.query ?? []) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(wellFormed(key), wellFormed(String(item)));
  }
  const headers: Record<string, string> = { "x-forwarded-for": "203.0.113.10" };
  if (userId) headers.cookie = `${sessionCookieName(secureCookies)}=${await tokenOf(userId)}`;
  if (input.body !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(url, { method, headers, ...(input.body === undefined ? {} : { body: input.body }) });
}

async function expectApiAnswer(response: Response): Promise<void> {
  expect(response.status, "a 5xx answer").toBeLessThan(500);
  const text = await response.text();
  if (response.status < 400) return;
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  expect(API_ERROR_CODES).toContain(body.error?.code);
  expect(body.error?.message).toEqual(expect.any(String));
}

export async function checkRoute(check: RouteCheck): Promise<void> {
  startProperty();
  await fc.assert(
    fc.asyncProperty(fc.nat(check.actors.length - 1), check.request, async (actorIndex, generated) => {
      const actor = check.actors[actorIndex]!;
      const input = check.prepare ? await check.prepare(generated) : generated;
      const request = await routeRequest(check.method, input, actor);
      const before = await rowsBefore(check.prepare !== undefined);
      const response = await check.handler(request, { params: Promise.resolve(input.params ?? {}) as Promise<never> });
      await expectApiAnswer(response);
      const refused = response.status >= 400 || !check.writes;
      const forbidden = response.status === 403 && check.method !== "GET";
      await expectWrites(before, { refused, what: `HTTP ${response.status}`, audited: true, forbidden });
      expectNoPollution();
    }),
    assertOptions(check.numRuns ?? RUNS),
  );
}

/** Callers the route refuses (401, 403 or 404) with nothing written. */
export async function checkRouteRefuses(check: Omit<RouteCheck, "actors" | "writes"> & { actors: readonly (string | null)[]; statuses: number[] }) {
  startProperty();
  await fc.assert(
    fc.asyncProperty(fc.nat(check.actors.length - 1), check.request, async (actorIndex, generated) => {
      const actor = check.actors[actorIndex]!;
      const input = check.prepare ? await check.prepare(generated) : generated;
      const request = await routeRequest(check.method, input, actor);
      const before = await rowsBefore(check.prepare !== undefined);
      const response = await check.handler(request, { params: Promise.resolve(input.params ?? {}) as Promise<never> });
      await expectApiAnswer(response);
      expect(check.statuses).toContain(response.status);
      const forbidden = response.status === 403 && check.method !== "GET" && actor !== null;
      await expectWrites(before, { refused: true, what: `HTTP ${response.status}`, audited: true, forbidden });
    }),
    assertOptions(check.numRuns ?? Math.ceil(RUNS / 10)),
  );
}

export { type Entries };
