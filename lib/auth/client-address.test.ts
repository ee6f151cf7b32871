import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("takes the address Next.js or the nearest trusted proxy recorded, not what the client claimed", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "10.0.0.7" }), 1)).toBe("10.0.0.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), 1)).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }), 2)).toBe("203.0.113.9");
  });

  it("reads plain header objects, as next-auth passes them", () => {
    expect(clientAddress({ "x-forwarded-for": "198.51.100.4" }, 1)).toBe("198.51.100.4");
  });

  it("says unknown rather than failing without the header", () => {
    expect(clientAddress(new Headers(), 1)).toBe("unknown");
  });
});
