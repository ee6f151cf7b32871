import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { commitmentId, createUser, recordReport } from "@/tests/factories";
import type { CommitmentInput } from "@/lib/validation/council-sessions";
import {
  carryOverCommitments,
  createCommitment,
  createCouncilSession,
  deleteCommitment,
  getCommitmentForEdit,
  getCouncilSession,
  listCarryOverCandidates,
  reinstateCommitment,
  updateCommitment,
  updateCouncilSession,
  withdrawCommitment,
} from "./council-sessions";
import { listLineage, listPairLineage } from "./lineage";

let secretariat: Actor;
let delegate: Actor;

const session = (number: number, startsOn = "2030-03-01") => ({
  number,
  cityAr: "تونس",
  cityEn: "Tunis",
  titleAr: `الدورة ${number}`,
  titleEn: `Session ${number}`,
  startsOn: new Date(`${startsOn}T00:00:00Z`),
  endsOn: null,
  communiqueAr: "اتفق الوزراء على تعزيز الرقابة على الحدود.",
  communiqueEn: "",
});

const words = (code: string, extra: Partial<CommitmentInput> = {}): CommitmentInput => ({
  code,
  themeKey: "border-control",
  titleAr: "تعزيز الرقابة على الحدود",
  titleEn: "Strengthen border control",
  textAr: "تعزيز الرقابة على الحدود.",
  textEn: "Strengthen border control.",
  sourceAr: "اتفق الوزراء على تعزيز الرقابة على الحدود.",
  dueDate: null,
  dueDaysBeforeNextSession: null,
  previous: null,
  ...extra,
});

const auditRows = (action: string, targetId?: string) =>
  db.auditLog.findMany({ where: { action, ...(targetId ? { targetId } : {}) }, orderBy: { id: "asc" } });

beforeAll(async () => {
  secretariat = await createUser({ role: "SECRETARIAT" });
  delegate = await createUser({ role: "DELEGATE", countryCode: "QA" });
});

describe("sessions", () => {
  it("creates a session with one audit row, and refuses a number that exists", async () => {
    await createCouncilSession(secretariat, session(40), "192.0.2.1");
    const [row] = await auditRows("session.created");
    expect(row).toMatchObject({ actorId: secretariat.id, targetType: "session", ip: "192.0.2.1" });
    expect(row!.after).toMatchObject({ number: 40, cityEn: "Tunis", startsOn: "2030-03-01" });
    await expect(createCouncilSession(secretariat, session(40), null)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("edits a session and records what it was before: the fields that changed", async () => {
    await updateCouncilSession(secretariat, { ...session(40), sessionNumber: 40, cityEn: "Tunis (Gammarth)" }, null);
    const [row] = await auditRows("session.updated");
    // Not the communiqué, unchanged (it can be 200,000 characters).
    expect(row!.before).toEqual({ number: 40, cityEn: "Tunis" });
    expect(row!.after).toEqual({ number: 40, cityEn: "Tunis (Gammarth)" });
    const communiqueAr = `${session(40).communiqueAr} واتفقوا على تبادل الخبرات.`;
    await updateCouncilSession(secretariat, { ...session(40), sessionNumber: 40, cityEn: "Tunis (Gammarth)", endsOn: new Date("2030-03-03T00:00:00Z"), communiqueAr }, null);
    const second = (await auditRows("session.updated")).at(-1);
    expect(second!.before).toEqual({ number: 40, endsOn: null, communiqueAr: session(40).communiqueAr });
    expect(second!.after).toEqual({ number: 40, endsOn: "2030-03-03", communiqueAr });
  });

  it("is not for delegates", async () => {
    await expect(createCouncilSession(delegate, session(41), null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.councilSession.count({ where: { number: 41 } })).toBe(0);
  });
});

describe("commitments", () => {
  beforeAll(async () => {
    await createCouncilSession(secretariat, session(42, "2031-03-01"), null);
  });

  it("creates a commitment whose code belongs to the session, with an audit row", async () => {
    const { id } = await createCommitment(secretariat, 42, words("42/1"), null);
    const [row] = await auditRows("commitment.created", id);
    expect(row!.after).toMatchObject({ code: "42/1", themeKey: "border-control", sortOrder: 1 });
    await expect(createCommitment(secretariat, 42, words("41/2"), null)).rejects.toMatchObject({
      fieldErrors: { code: ["commitment.codeSession"] },
    });
    await expect(createCommitment(secretariat, 42, words("42/1"), null)).rejects.toMatchObject({
      fieldErrors: { code: ["commitment.codeTaken"] },
    });
    await expect(createCommitment(secretariat, 42, words("42/3", { themeKey: "no-such-theme" }), null)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("is due N days before the next session, once that session exists", async () => {
    await createCommitment(secretariat, 42, words("42/2", { dueDaysBeforeNextSession: 30 }), null);
    expect((await getCommitmentForEdit(secretariat, "42/2"))!.effectiveDueDate).toBeNull();
    await createCouncilSession(secretariat, session(43, "2032-03-01"), null);
    const commitment = await getCommitmentForEdit(secretariat, "42/2");
    expect(commitment!.dueDaysBeforeNextSession).toBe(30);
    expect(commitment!.effectiveDueDate?.toISOString().slice(0, 10)).toBe("2032-01-31");
  });

  it("edits a commitment, links it to an earlier session's commitment only, and audits before and after", async () => {
    const id = await commitmentId("42/2");
    await updateCommitment(secretariat, id, words("42/2", { titleEn: "Renamed", previous: { code: "35/5", linkKind: "AMENDS" } }), null);
    const edited = await getCommitmentForEdit(secretariat, "42/2");
    expect(edited).toMatchObject({ titleEn: "Renamed", previous: { code: "35/5", linkKind: "AMENDS" } });
    const [row] = await auditRows("commitment.updated", id);
    expect(row!.before).toMatchObject({ titleEn: "Strengthen border control", previousCode: null });
    expect(row!.after).toMatchObject({ titleEn: "Renamed", previousCode: "35/5" });
    // A later session's commitment, or its own session's, is no predecessor: lineages never loop.
    await expect(updateCommitment(secretariat, id, words("42/2", { previous: { code: "42/1", linkKind: "CONTINUES" } }), null)).rejects.toMatchObject({
      fieldErrors: { previousCode: ["commitment.previousUnknown"] },
    });
  });

  it("refuses to delete a commitment that has reports, and changes nothing", async () => {
    const id = await commitmentId("42/1");
    await recordReport({ code: "42/1", country: "QA", status: "LIMITED", authorId: delegate.id });
    const before = await db.commitment.findUniqueOrThrow({ where: { id } });
    const error = await deleteCommitment(secretariat, id, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).messageKey).toBe("commitment.hasReports");
    expect(await db.commitment.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db.report.count({ where: { commitmentId: id } })).toBe(1);
    expect(await auditRows("commitment.deleted", id)).toEqual([]);
  });

  it("deletes a commitment without history, with an audit row that keeps what it was", async () => {
    const { id } = await createCommitment(secretariat, 42, words("42/9"), null);
    await deleteCommitment(secretariat, id, null);
    expect(await db.commitment.count({ where: { id } })).toBe(0);
    const [row] = await auditRows("commitment.deleted", id);
    expect(row!.before).toMatchObject({ code: "42/9", titleEn: "Strengthen border control" });
  });

  it("withdraws a commitment with reports instead: kept, marked, and reinstated on request", async () => {
    const id = await commitmentId("42/1");
    await withdrawCommitment(secretariat, id, "Superseded by 42/2", null);
    const detail = await getCouncilSession(secretariat, 42);
    const withdrawn = detail!.commitments.find((c) => c.code === "42/1")!;
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(withdrawn).toMatchObject({ withdrawnReason: "Superseded by 42/2", reportCount: 1 });
    await expect(withdrawCommitment(secretariat, id, "again", null)).rejects.toBeInstanceOf(ConflictError);
    await reinstateCommitment(secretariat, id, null);
    expect((await db.commitment.findUniqueOrThrow({ where: { id } })).withdrawnAt).toBeNull();
    expect((await auditRows("commitment.withdrawn", id)).length).toBe(1);
    expect((await auditRows("commitment.reinstated", id)).length).toBe(1);
  });

  it("answers not found for a commitment that does not exist", async () => {
    await expect(deleteCommitment(secretariat, "00000000-0000-7000-8000-000000000000", null)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("carry-over", () => {
  let oldId: string;
  let reportIds: string[];

  beforeAll(async () => {
    await createCouncilSession(secretariat, session(50, "2040-03-01"), null);
    oldId = await commitmentId("35/4");
    await recordReport({ code: "35/4", country: "QA", status: "LIMITED", authorId: delegate.id, at: new Date("2019-01-10T00:00:00Z") });
    await recordReport({ code: "35/4", country: "QA", status: "SUBSTANTIAL", authorId: delegate.id, at: new Date("2019-06-10T00:00:00Z") });
    reportIds = (await db.report.findMany({ where: { commitmentId: oldId }, orderBy: { version: "asc" }, select: { id: true } })).map((r) => r.id);
  });

  it("offers the open commitments of earlier sessions", async () => {
    const candidates = await listCarryOverCandidates(secretariat, 50);
    expect(candidates.map((c) => c.code)).toEqual(expect.arrayContaining(["35/1", "35/4", "35/8"]));
    expect(candidates.every((c) => c.sessionNumber < 50)).toBe(true);
  });

  it("links the new commitment to the old one and keeps the history where it was — no copies", async () => {
    const { codes } = await carryOverCommitments(secretariat, 50, [oldId], null);
    expect(codes).toEqual(["50/1"]);
    const created = await db.commitment.findUniqueOrThrow({ where: { code: "50/1" } });
    expect(created).toMatchObject({ previousId: oldId, linkKind: "CONTINUES", titleEn: expect.stringContaining("foreign fighters") });
    // The history stays with the old commitment, untouched; the new one has none of its own.
    expect((await db.report.findMany({ where: { commitmentId: oldId }, orderBy: { version: "asc" }, select: { id: true } })).map((r) => r.id)).toEqual(reportIds);
    expect(await db.report.count({ where: { commitmentId: created.id } })).toBe(0);
    expect(await db.pairStatus.count({ where: { commitmentId: created.id } })).toBe(0);
    // …and is reachable from the new one.
    const lineage = await listLineage(delegate, created.id);
    expect(lineage.map((entry) => [entry.code, entry.linkKind])).toEqual([
      ["35/4", null],
      ["50/1", "CONTINUES"],
    ]);
    const history = await db.report.count({ where: { commitmentId: { in: lineage.map((e) => e.id) }, countryCode: "QA" } });
    expect(history).toBe(2);
    expect((await auditRows("commitment.carried_over", created.id))[0]!.after).toMatchObject({ code: "50/1", previousCode: "35/4" });
  });

  // Threat: the carried-over pair's page giving away, through its lineage, the status of a
  // restricted report of the earlier commitment to another member state or an observer.
  it("shows on the new pair the country's status on the earlier commitment, to those who may see it", async () => {
    const earlier = (entries: Awaited<ReturnType<typeof listPairLineage>>) => entries.map((e) => [e.code, e.status, e.opens]);
    expect(earlier(await listPairLineage(delegate, "QA", "50/1"))).toEqual([["35/4", "SUBSTANTIAL", true]]);
    expect(earlier(await listPairLineage(secretariat, "QA", "50/1"))).toEqual([["35/4", "SUBSTANTIAL", true]]);
    const other = await createUser({ role: "DELEGATE", countryCode: "DZ" });
    expect(earlier(await listPairLineage(other, "QA", "50/1"))).toEqual([["35/4", "WITHHELD", false]]);
    expect(earlier(await listPairLineage(other, "DZ", "50/1"))).toEqual([["35/4", "NO_REPORT", true]]);
    expect(await listPairLineage(delegate, "QA", "35/4")).toEqual([]);
  });

  it("does not carry the same commitment over twice, nor a withdrawn one", async () => {
    await expect(carryOverCommitments(secretariat, 50, [oldId], null)).rejects.toMatchObject({ messageKey: "carryOver.already" });
    expect((await listCarryOverCandidates(secretariat, 50)).map((c) => c.code)).not.toContain("35/4");
    const id = await commitmentId("35/8");
    await withdrawCommitment(secretariat, id, "test", null);
    await expect(carryOverCommitments(secretariat, 50, [id], null)).rejects.toMatchObject({ messageKey: "carryOver.withdrawn" });
    expect((await listCarryOverCandidates(secretariat, 50)).map((c) => c.code)).not.toContain("35/8");
    await reinstateCommitment(secretariat, id, null);
  });

  it("leaves out commitments complete (or not applicable) in every member state", async () => {
    const countries = await db.country.findMany({ select: { code: true } });
    for (const [i, { code }] of countries.entries()) {
      await recordReport({ code: "35/7", country: code, status: i === 0 ? "NOT_APPLICABLE" : "COMPLETE", authorId: delegate.id });
    }
    expect((await listCarryOverCandidates(secretariat, 50)).map((c) => c.code)).not.toContain("35/7");
  });

  it("refuses to carry a later session's commitment back", async () => {
    const later = await commitmentId("50/1");
    await expect(carryOverCommitments(secretariat, 42, [later], null)).rejects.toBeInstanceOf(InvalidInputError);
  });
});
