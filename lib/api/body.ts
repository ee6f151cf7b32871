import type { NextRequest } from "next/server";
import { InvalidInputError } from "@/lib/errors";

/** JSON bodies of the API are small: a report's narrative is at most 10,000 characters. */
const MAX_JSON_BYTES = 256 * 1024;

/** The request's JSON body; a body that is not JSON, or too large, is a 400 like any other invalid input. */
export async function readJson(request: NextRequest): Promise<Record<string, unknown>> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_BYTES) throw new InvalidInputError({ body: ["tooLarge"] });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new InvalidInputError({ body: ["json"] });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new InvalidInputError({ body: ["json"] });
  return body as Record<string, unknown>;
}
