// Requests to route handlers built from generated input: query strings and JSON bodies.
import fc from "fast-check";
import type { ZodType } from "zod";
import { RAW_BODIES, inputArbitrary, toJsonText, type InputOptions } from "./arbitraries";
import type { RouteInput } from "./harness";

/** A GET with the schema's fields in the query string. */
export function queryRequest(path: string, schema: ZodType, options: Omit<InputOptions, "mode"> = {}): fc.Arbitrary<RouteInput> {
  return inputArbitrary(schema, { mode: "query", ...options }).map((query) => ({ path, query }));
}

/** A JSON body for the schema (1 in 20: not a JSON object at all). */
export function jsonBody(schema: ZodType, options: Omit<InputOptions, "mode"> = {}): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 19, arbitrary: inputArbitrary(schema, { mode: "json", ...options }).map(toJsonText) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
  );
}

/** Path segments and ids: valid ones, and the hostile strings a URL can carry. */
export const hostileSegment = fc.constantFrom(
  "",
  " ",
  "..",
  "%00",
  "\u0000",
  "\ud800",
  "__proto__",
  "constructor",
  "x".repeat(5_000),
  "00000000-0000-0000-0000-000000000000",
  "0195F0A4-3C2B-7D3E-8F00-1A2B3C4D5E6F",
  "'; DROP TABLE report; --",
  "<script>alert(1)</script>",
);
