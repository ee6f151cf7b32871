import { describe, expect, it } from "vitest";
import { createRandom } from "./prng";
import { uuidV7 } from "./uuid";

describe("uuidV7", () => {
  it("is a version 7, RFC 9562 variant UUID that starts with its millisecond time", () => {
    const at = Date.UTC(2023, 2, 7, 10, 0, 0, 123);
    const id = uuidV7(at, 5, createRandom(1));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
    expect(id.endsWith("00000005")).toBe(true);
  });

  it("is the same for the same seed and unique per sequence number", () => {
    const a = createRandom(9);
    const b = createRandom(9);
    const ids = Array.from({ length: 1000 }, (_, i) => uuidV7(0, i, a));
    expect(Array.from({ length: 1000 }, (_, i) => uuidV7(0, i, b))).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
  });
});
