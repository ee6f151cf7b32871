import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createUser, recordReport } from "@/tests/factories";
import { getCommitmentByCode, listCommitmentResources, listSessionCommitments } from "./commitments";

describe("commitments of the 35th session", () => {
  let secretariat: Actor;
  let qaDelegate: Actor;
  let observer: Actor;
  beforeAll(async () => {
    const dz = await createUser({ role: "DELEGATE", countryCode: "DZ" });
    const qa = await createUser({ role: "DELEGATE", countryCode: "QA" });
    const eg = await createUser({ role: "DELEGATE", countryCode: "EG" });
    secretariat = await createUser({ role: "SECRETARIAT" });
    observer = await createUser({ role: "OBSERVER" });
    qaDelegate = qa;
    await recordReport({ code: "35/6", country: "DZ", status: "LIMITED", authorId: dz.id, visibility: "OBSERVERS" });
    await recordReport({ code: "35/6", country: "DZ", status: "COMPLETE", authorId: dz.id, visibility: "OBSERVERS" });
    await recordReport({ code: "35/6", country: "QA", status: "COMPLETE", authorId: qa.id, visibility: "RESTRICTED" });
    await recordReport({ code: "35/6", country: "EG", status: "NOT_APPLICABLE", authorId: eg.id, visibility: "MEMBERS" });
    await recordReport({ code: "35/1", country: "QA", status: "NOT_STARTED", authorId: qa.id });
  });

  it("lists the eight commitments in order, with their themes", async () => {
    const list = await listSessionCommitments(35);
    expect(list.map((c) => c.code)).toEqual(["35/1", "35/2", "35/3", "35/4", "35/5", "35/6", "35/7", "35/8"]);
    expect(list[5]!.theme.key).toBe("drug-trafficking");
  });

  it("counts member states by their current status only, the rest as no report", async () => {
    const list = await listSessionCommitments(35);
    const drugs = list.find((c) => c.code === "35/6")!;
    expect(drugs.statusCounts).toEqual({
      NOT_STARTED: 0,
      LIMITED: 0,
      SUBSTANTIAL: 0,
      COMPLETE: 2,
      NOT_APPLICABLE: 1,
      NO_REPORT: 19,
    });
    expect(list.find((c) => c.code === "35/2")!.statusCounts.NO_REPORT).toBe(22);
  });

  it("shows a commitment with its source sentence and every member state's status", async () => {
    const commitment = await getCommitmentByCode(secretariat, "35/6");
    expect(commitment).not.toBeNull();
    expect(commitment!.sourceAr).toContain("تهريب المخدرات");
    expect(commitment!.countries).toHaveLength(22);
    const byCode = new Map(commitment!.countries.map((c) => [c.country.code, c]));
    expect(byCode.get("DZ")!.status).toBe("COMPLETE");
    expect(byCode.get("EG")!.status).toBe("NOT_APPLICABLE");
    expect(byCode.get("MA")!.status).toBe("NO_REPORT");
    expect(byCode.get("MA")!.reportedAt).toBeNull();
  });

  it("withholds each country's status from those its report is not shared with", async () => {
    const statusFor = async (actor: Actor) =>
      new Map((await getCommitmentByCode(actor, "35/6"))!.countries.map((c) => [c.country.code, c.status]));
    const forObserver = await statusFor(observer);
    expect(forObserver.get("DZ")).toBe("COMPLETE"); // shared with observers
    expect(forObserver.get("EG")).toBe("WITHHELD"); // members only
    expect(forObserver.get("QA")).toBe("WITHHELD"); // restricted
    const forQatar = await statusFor(qaDelegate);
    expect(forQatar.get("QA")).toBe("COMPLETE"); // its own
    expect(forQatar.get("EG")).toBe("NOT_APPLICABLE"); // shared with members
    const otherDelegate = await createUser({ role: "DELEGATE", countryCode: "MA" });
    expect((await statusFor(otherDelegate)).get("QA")).toBe("WITHHELD");
  });

  it("finds no commitment for an unknown code", async () => {
    expect(await getCommitmentByCode(secretariat, "35/99")).toBeNull();
  });

  it("publishes the API fields, and nothing for an unknown session", async () => {
    const resources = await listCommitmentResources(35);
    expect(resources).toHaveLength(8);
    expect(Object.keys(resources![0]!).sort()).toEqual(
      ["code", "dueDate", "sourceAr", "textAr", "textEn", "theme", "titleAr", "titleEn"].sort(),
    );
    expect(await listCommitmentResources(99)).toBeNull();
  });
});
