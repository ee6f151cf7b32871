import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { actorFromSessionToken } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { sessionToken } from "@/tests/auth";
import { createUser, recordReport } from "@/tests/factories";
import { getCommitmentByCode } from "./commitments";
import { handOverCountry, listActiveDelegates, listUsers } from "./users";

let admin: Actor;
let outgoing: Actor;

beforeAll(async () => {
  admin = await createUser({ role: "ADMIN" });
  outgoing = await createUser({ role: "DELEGATE", countryCode: "JO", name: "Outgoing Delegate" });
  await recordReport({ code: "35/2", country: "JO", status: "LIMITED", authorId: outgoing.id, visibility: "RESTRICTED", narrative: "restricted JO narrative" });
  await db.comment.create({ data: { commitmentId: (await db.commitment.findUniqueOrThrow({ where: { code: "35/2" } })).id, countryCode: "JO", authorId: outgoing.id, body: "note" } });
});

describe("handing a country over to a new delegate", () => {
  it("gives the new delegate the country's whole history at once, and leaves past entries with their authors", async () => {
    const outgoingToken = await sessionToken(outgoing.id);
    const incoming = await createUser({ role: "OBSERVER", name: "Incoming Delegate" });
    const incomingToken = await sessionToken(incoming.id);
    // Before: the incoming user, an observer, does not see Jordan's restricted report.
    expect((await getCommitmentByCode(incoming, "35/2"))!.countries.find((c) => c.country.code === "JO")!.status).toBe("WITHHELD");

    const result = await handOverCountry(admin, { countryCode: "JO", newDelegate: { userId: incoming.id }, deactivatePrevious: true }, "192.0.2.4");
    expect(result).toMatchObject({ userId: incoming.id, link: null, deactivated: [outgoing.id] });

    const newDelegate = await db.user.findUniqueOrThrow({ where: { id: incoming.id } });
    expect(newDelegate).toMatchObject({ role: "DELEGATE", countryCode: "JO", deactivatedAt: null });
    expect((await getCommitmentByCode(newDelegate, "35/2"))!.countries.find((c) => c.country.code === "JO")!.status).toBe("LIMITED");
    // Past entries stay attributed to their author.
    expect(await db.report.findMany({ where: { countryCode: "JO" }, select: { authorId: true } })).toEqual([{ authorId: outgoing.id }]);
    expect(await db.comment.findMany({ where: { countryCode: "JO" }, select: { authorId: true } })).toEqual([{ authorId: outgoing.id }]);
    // The outgoing delegate is deactivated; both old sessions end (a new role for one, deactivation for the other).
    expect((await db.user.findUniqueOrThrow({ where: { id: outgoing.id } })).deactivatedAt).not.toBeNull();
    expect(await actorFromSessionToken(outgoingToken)).toBeNull();
    expect(await actorFromSessionToken(incomingToken)).toBeNull();
    expect(await actorFromSessionToken(await sessionToken(incoming.id))).toMatchObject({ role: "DELEGATE", countryCode: "JO" });

    const [audit] = await db.auditLog.findMany({ where: { action: "user.handover", targetId: "JO" } });
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "country", ip: "192.0.2.4" });
    expect(audit!.before).toMatchObject({ delegates: [outgoing.email], newDelegateBefore: { role: "OBSERVER", countryCode: null } });
    expect(audit!.after).toMatchObject({ newDelegate: incoming.id, deactivated: [outgoing.email] });
  });

  it("creates a new account with a set-password link, and can keep the current delegates", async () => {
    const current = await createUser({ role: "DELEGATE", countryCode: "TN" });
    const result = await handOverCountry(admin, { countryCode: "TN", newDelegate: { email: "new.tn@test.tanfeeth.org", name: "New TN" }, deactivatePrevious: false }, null);
    expect(result.link?.token).toBeTruthy();
    expect(result.deactivated).toEqual([]);
    const delegates = (await listActiveDelegates(admin)).find((c) => c.countryCode === "TN")!.delegates.map((d) => d.email);
    expect(delegates.sort()).toEqual([current.email, "new.tn@test.tanfeeth.org"].sort());
    await expect(
      handOverCountry(admin, { countryCode: "TN", newDelegate: { email: "new.tn@test.tanfeeth.org", name: "Again" }, deactivatePrevious: false }, null),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  // Threat: someone other than an admin moving a country's reporting rights to an account of
  // their choosing (or to themselves).
  it("is for admins only, and never to oneself", async () => {
    const secretariat = await createUser({ role: "SECRETARIAT" });
    const before = await db.user.findMany({ where: { countryCode: "JO" }, orderBy: { id: "asc" } });
    await expect(handOverCountry(secretariat, { countryCode: "JO", newDelegate: { userId: secretariat.id }, deactivatePrevious: true }, null)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(handOverCountry(admin, { countryCode: "JO", newDelegate: { userId: admin.id }, deactivatePrevious: true }, null)).rejects.toBeInstanceOf(ConflictError);
    expect(await db.user.findMany({ where: { countryCode: "JO" }, orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("the users list", () => {
  it("filters by name or e-mail, role, country and state", async () => {
    const names = (users: { name: string }[]) => users.map((u) => u.name);
    expect(names(await listUsers(admin, { q: "incoming" }))).toEqual(["Incoming Delegate"]);
    expect(names(await listUsers(admin, { country: "JO", state: "inactive" }))).toEqual(["Outgoing Delegate"]);
    expect(names(await listUsers(admin, { country: "JO", state: "active" }))).toEqual(["Incoming Delegate"]);
    expect((await listUsers(admin, { role: "ADMIN" })).every((u) => u.role === "ADMIN")).toBe(true);
    expect((await listUsers(admin, { role: "ADMIN" })).map((u) => u.id)).toContain(admin.id);
  });
});
