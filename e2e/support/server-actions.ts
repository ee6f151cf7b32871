// Calls a server action over HTTP exactly as React does (Next-Action header, encoded
// arguments), to test what the action itself allows — whatever the page around it shows.
import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

export function serverActionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return ids;
}

export async function callServerAction(
  request: APIRequestContext,
  options: { id: string; page: string; fields: Record<string, string>; baseURL: string },
): Promise<{ status: number; result: ActionResult | null }> {
  // React's own encoder, as vendored by Next: (previousState, formData).
  const { encodeReply } = (await import(
    // @ts-expect-error -- Next's vendored React client has no type declarations.
    "next/dist/compiled/react-server-dom-turbopack/client.node.js"
  )) as { encodeReply: (value: unknown) => Promise<FormData | string> };
  const formData = new FormData();
  for (const [key, value] of Object.entries(options.fields)) formData.set(key, value);
  const encoded = await encodeReply([{ status: "idle" }, formData]);
  const response = await request.post(options.page, {
    headers: { "Next-Action": options.id, Accept: "text/x-component", Origin: options.baseURL },
    ...(typeof encoded === "string" ? { data: encoded } : { multipart: encoded }),
    maxRedirects: 0,
  });
  return { status: response.status(), result: actionResult(await response.body()) };
}

export type ActionResult = { status?: string; message?: string; fieldErrors?: Record<string, string[]>; data?: unknown };

/**
 * Splits a React Flight (RSC) response into its rows: `<hex id>:<json>\n`, or text rows
 * `<hex id>:T<hex byte length>,<text>` that carry no newline.
 */
function flightRows(body: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const colon = body.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = body.subarray(at, colon).toString();
    if (body[colon + 1] === 0x54 /* T */) {
      const comma = body.indexOf(0x2c, colon);
      const length = parseInt(body.subarray(colon + 2, comma).toString(), 16);
      rows.set(id, body.subarray(comma + 1, comma + 1 + length).toString());
      at = comma + 1 + length;
    } else {
      const newline = body.indexOf(0x0a, colon);
      const end = newline < 0 ? body.length : newline;
      rows.set(id, body.subarray(colon + 1, end).toString());
      at = end + 1;
    }
  }
  return rows;
}

/** The action's return value in the RSC response: row 0 points at it (`"a":"$@<row>"`). */
function actionResult(body: Buffer): ActionResult | null {
  const rows = flightRows(body);
  const row = /"a":"\$@(\w+)"/.exec(rows.get("0") ?? "")?.[1];
  const json = row ? rows.get(row) : undefined;
  if (!json) return null;
  // Long strings travel as text rows, referenced as "$<id>".
  return JSON.parse(json, (_key, value: unknown) =>
    typeof value === "string" && /^\$[0-9a-f]+$/.test(value) && rows.has(value.slice(1)) ? rows.get(value.slice(1)) : value,
  ) as ActionResult;
}
