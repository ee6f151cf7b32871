import type { NextRequest } from "next/server";
import { InvalidInputError } from "@/lib/errors";

/** JSON bodies of the API are small: a report's narrative is at most 10,000 characters. */
const MAX_JSON_BYTES = 256 * 1024;

/** The body's text, read no further than `limit` bytes whatever Content-Length claims (or leaves out). */
async function readText(request: NextRequest, limit: number): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw new InvalidInputError({ body: ["tooLarge"] });
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-body (Node: "aborted", ECONNRESET): an incomplete request, not a server fault.
      throw new InvalidInputError({ body: ["incomplete"] });
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new InvalidInputError({ body: ["tooLarge"] });
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * The request's JSON body; a body that is not JSON, or larger than `maxBytes`, is a 400 like any
 * other invalid input.
 */
export async function readJson(request: NextRequest, maxBytes = MAX_JSON_BYTES): Promise<Record<string, unknown>> {
  const text = await readText(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new InvalidInputError({ body: ["json"] });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new InvalidInputError({ body: ["json"] });
  return body as Record<string, unknown>;
}
