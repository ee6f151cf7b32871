import type { NextRequest } from "next/server";
import { InvalidInputError } from "@/lib/errors";

/** The request's JSON body; a body that is not JSON is a 400 like any other invalid input. */
export async function readJson(request: NextRequest): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new InvalidInputError({ body: ["json"] });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new InvalidInputError({ body: ["json"] });
  return body as Record<string, unknown>;
}
