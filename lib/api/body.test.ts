// Threat: a client streaming a huge JSON body (no Content-Length, as chunked requests come)
// that the server reads whole into memory before refusing it.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { readJson } from "./body";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new NextRequest("http://localhost/api/v1/reports", { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

const refusal = (request: NextRequest) => readJson(request).then(() => null, (error: unknown) => (error as InvalidInputError).fieldErrors);

describe("readJson", () => {
  it("reads a JSON object", async () => {
    expect(await readJson(post('{"a":1}'))).toEqual({ a: 1 });
    expect(await readJson(post('\ufeff{"a":"تنفيذ"}'))).toEqual({ a: "تنفيذ" });
  });

  it("refuses what is not a JSON object", async () => {
    for (const body of ["", "null", "[]", "42", "{"]) expect(await refusal(post(body)), body).toEqual({ body: ["json"] });
  });

  it("refuses a body over 256 KB, whether or not it says its length, without reading it all", async () => {
    const huge = JSON.stringify({ narrative: "x".repeat(300 * 1024) });
    expect(await refusal(post(huge, { "content-length": String(huge.length) }))).toEqual({ body: ["tooLarge"] });
    expect(await refusal(post(huge))).toEqual({ body: ["tooLarge"] });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const streamed = { method: "POST", body: endless, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1];
    expect(await refusal(new NextRequest("http://localhost/x", streamed))).toEqual({ body: ["tooLarge"] });
    expect(pulled).toBeLessThan(10);
  });

  // A client that disconnects while sending its body is not a server error (no 500, no error log).
  it("answers a body cut off by the client as incomplete input", async () => {
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"narrative":"'));
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const streamed = { method: "POST", body: cut, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1];
    expect(await refusal(new NextRequest("http://localhost/x", streamed))).toEqual({ body: ["incomplete"] });
  });
});
