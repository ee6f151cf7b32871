import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { createMailer } from "@/lib/mail/transport";
import { createUser, recordReport } from "@/tests/factories";
import { startSmtpServer } from "@/tests/smtp";
import { listNotifications, markNotificationsRead, countUnreadNotifications } from "./notifications";
import { REMINDER_KIND, sendReminders, type ReminderData } from "./reminders";
import { createRound, todayUtc } from "./rounds";

const DAY = 86_400_000;
const FROM = "Tanfeeth <reminders@tanfeeth.test>";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let secretariat: Actor;
let delegateQa: Actor;
let formerQa: Actor;
let delegateDz: Actor;
let roundId: string;

beforeAll(async () => {
  smtp = await startSmtpServer({ user: "tanfeeth", pass: "s3cret:with@chars" });
  secretariat = await createUser({ role: "SECRETARIAT" });
  delegateQa = await createUser({ role: "DELEGATE", countryCode: "QA", name: "Delegate of Qatar" });
  formerQa = await createUser({ role: "DELEGATE", countryCode: "QA" });
  await db.user.update({ where: { id: formerQa.id }, data: { deactivatedAt: new Date() } });
  delegateDz = await createUser({ role: "DELEGATE", countryCode: "DZ" });
  const today = todayUtc();
  ({ id: roundId } = await createRound(
    secretariat,
    { sessionNumber: 35, name: "Spring round", opensOn: new Date(today.getTime() - 5 * DAY), closesOn: new Date(today.getTime() + 20 * DAY) },
    null,
  ));
  // Qatar has reported on everything but 35/2 in this round; Algeria on nothing.
  for (const n of [1, 3, 4, 5, 6, 7, 8]) {
    await recordReport({ code: `35/${n}`, country: "QA", status: "LIMITED", authorId: delegateQa.id, at: new Date(today.getTime() - 2 * DAY) });
  }
});

afterAll(async () => {
  await smtp.close();
});

const digestsOf = (userId: string) => db.reminderDigest.findMany({ where: { userId } });
const remindersOf = (userId: string) => db.notification.findMany({ where: { userId, kind: REMINDER_KIND } });

describe("reminders", () => {
  it("sends each active delegate of a country with missing reports one digest: a notification and an e-mail", async () => {
    const mailer = createMailer(smtp.url, FROM);
    const outcome = await sendReminders(secretariat, { roundId, countryCode: null }, "192.0.2.9", { mailer });
    expect(outcome).toMatchObject({ notified: 2, emailed: 2, emailFailed: 0, alreadyToday: 0 });
    expect(outcome.withoutDelegate).toContain("MA");
    expect(outcome.withoutDelegate).not.toContain("QA");

    const [qa] = await remindersOf(delegateQa.id);
    const data = qa!.data as ReminderData;
    expect(data.commitments.map((c) => c.code)).toEqual(["35/2"]);
    expect(data.rounds.map((r) => r.name)).toEqual(["Spring round"]);
    expect((await remindersOf(delegateDz.id))[0]!.data).toMatchObject({ countryCode: "DZ", commitments: expect.arrayContaining([expect.objectContaining({ code: "35/8" })]) });
    expect(await remindersOf(formerQa.id)).toEqual([]);

    // Over SMTP, authenticated: one message per delegate, in Arabic and English, from MAIL_FROM.
    expect(smtp.messages.map((m) => m.to).sort()).toEqual([[delegateDz.email], [delegateQa.email]].sort());
    const mail = smtp.messages.find((m) => m.to.includes(delegateQa.email))!;
    expect(mail.from).toBe("reminders@tanfeeth.test");
    expect(mail.subject).toContain("تذكير");
    expect(mail.subject).toContain("1 commitment without a report");
    expect(mail.text).toContain("قطر");
    expect(mail.text).toContain("Qatar has not yet reported");
    expect(mail.text).toContain("- 35/2: ");
    expect(mail.text).not.toContain("35/1:");
    expect(mail.text).toMatch(/هـ/); // the closing date in the Hijri calendar too

    expect((await digestsOf(delegateQa.id))[0]!.emailedAt).not.toBeNull();
    const audit = await db.auditLog.findMany({ where: { action: { in: ["reminder.sent", "reminder.emailed"] }, targetId: delegateQa.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["reminder.emailed", "reminder.sent"]);
    expect(audit.every((a) => a.actorId === secretariat.id && a.ip === "192.0.2.9")).toBe(true);
  });

  it("never sends a delegate a second digest the same day, however often it is asked", async () => {
    const mailer = createMailer(smtp.url, FROM);
    const sent = smtp.messages.length;
    const outcome = await sendReminders(secretariat, { roundId, countryCode: null }, null, { mailer });
    expect(outcome).toMatchObject({ notified: 0, emailed: 0, alreadyToday: 2 });
    expect(smtp.messages.length).toBe(sent);
    expect(await remindersOf(delegateQa.id)).toHaveLength(1);
    expect(await digestsOf(delegateQa.id)).toHaveLength(1);
    // Two officers clicking at the same moment: the database's unique (user, day) decides.
    const delegateEg = await createUser({ role: "DELEGATE", countryCode: "EG" });
    const both = await Promise.all([
      sendReminders(secretariat, { roundId, countryCode: "EG" }, null, { mailer }),
      sendReminders(secretariat, { roundId, countryCode: "EG" }, null, { mailer }),
    ]);
    expect(both.map((o) => o.notified).sort()).toEqual([0, 1]);
    expect(smtp.messages.filter((m) => m.to.includes(delegateEg.email))).toHaveLength(1);
    expect(await remindersOf(delegateEg.id)).toHaveLength(1);
  });

  it("sends again the next day", async () => {
    const tomorrow = new Date(Date.now() + DAY);
    const outcome = await sendReminders(secretariat, { roundId, countryCode: "QA" }, null, { mailer: null, now: tomorrow });
    expect(outcome).toMatchObject({ notified: 1, emailed: 0 });
    expect(await remindersOf(delegateQa.id)).toHaveLength(2);
    const digests = await digestsOf(delegateQa.id);
    expect(digests.map((d) => d.emailedAt === null).sort()).toEqual([false, true]);
  });

  it("keeps the notification when the mail server refuses, and says so", async () => {
    const refusing = await startSmtpServer({ reject: true });
    const delegateMa = await createUser({ role: "DELEGATE", countryCode: "MA" });
    const outcome = await sendReminders(secretariat, { roundId, countryCode: "MA" }, null, { mailer: createMailer(refusing.url, FROM) });
    await refusing.close();
    expect(outcome).toMatchObject({ notified: 1, emailed: 0, emailFailed: 1 });
    expect(await remindersOf(delegateMa.id)).toHaveLength(1);
    expect((await digestsOf(delegateMa.id))[0]!.emailedAt).toBeNull();
  });

  it("are sent only while a round is open", async () => {
    const { id } = await createRound(secretariat, { sessionNumber: 35, name: "Past", opensOn: new Date("2019-01-01T00:00:00Z"), closesOn: new Date("2019-02-01T00:00:00Z") }, null);
    await expect(sendReminders(secretariat, { roundId: id, countryCode: null }, null, { mailer: null })).rejects.toBeInstanceOf(ConflictError);
  });

  // Threat: a delegate nagging other countries' delegates (or spamming their own) through
  // the reminder machinery. Only the secretariat sends reminders.
  it("are the secretariat's to send", async () => {
    const before = await db.notification.count();
    await expect(sendReminders(delegateQa, { roundId, countryCode: "DZ" }, null, { mailer: null })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.notification.count()).toBe(before);
  });
});

describe("notifications", () => {
  it("are each user's own: listed, counted and marked read", async () => {
    expect(await countUnreadNotifications(delegateQa)).toBe(2);
    const [latest] = await listNotifications(delegateQa);
    expect(await listNotifications(delegateDz)).not.toContainEqual(expect.objectContaining({ id: latest!.id }));
    // Another user's notification is not found, and stays unread.
    await expect(markNotificationsRead(delegateDz, latest!.id, null)).rejects.toMatchObject({ messageKey: "notFound" });
    expect(await countUnreadNotifications(delegateQa)).toBe(2);
    await markNotificationsRead(delegateQa, latest!.id, null);
    expect(await countUnreadNotifications(delegateQa)).toBe(1);
    await markNotificationsRead(delegateQa, "all", null);
    expect(await countUnreadNotifications(delegateQa)).toBe(0);
    expect(await db.auditLog.count({ where: { action: "notification.read", actorId: delegateQa.id } })).toBe(2);
  });
});
