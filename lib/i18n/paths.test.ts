import { describe, expect, it } from "vitest";
import { localePath } from "./paths";
import { routing } from "./routing";

describe("localised paths", () => {
  it("prefix every path with its locale, as the routing says", () => {
    expect(routing.localePrefix).toBe("always");
    expect(localePath("ar", "/")).toBe("/ar");
    expect(localePath("en", "/account")).toBe("/en/account");
    expect(localePath("ar", "/countries/QA/commitments/35/6")).toBe("/ar/countries/QA/commitments/35/6");
    expect(localePath("en", { pathname: "/", query: { session: "35" } })).toBe("/en?session=35");
    expect(localePath("ar", { pathname: "/countries/DZ", query: { session: "40", theme: "drug-trafficking" } })).toBe(
      "/ar/countries/DZ?session=40&theme=drug-trafficking",
    );
  });
});
