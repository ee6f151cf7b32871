import "server-only";
// Reminders: one digest per delegate and day (reminder_digest's unique (user, day) decides, in
// the database, so that two clicks or two secretariat officers cannot send a second one). A
// digest lists the commitments of the delegate's country with no report in any open round. It
// is an in-app notification always, and an e-mail when SMTP_URL is configured — sent after the
// transaction, so that a slow or failing mail server never loses or blocks the notification.
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { canSendReminders } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { reminderDigestMail } from "@/lib/mail/reminder-digest";
import { configuredMailer, type Mailer } from "@/lib/mail/transport";
import { appendAudit } from "./audit";
import { auditJson } from "./audit-json";
import { missingPairsOf, roundState, todayUtc } from "./rounds";

export const REMINDER_KIND = "reminder.digest";

/** What a reminder notification carries (its `data`), rendered in the reader's language. */
export type ReminderData = {
  countryCode: string;
  rounds: { id: string; name: string; sessionNumber: number; closesOn: string }[];
  commitments: { code: string; titleAr: string; titleEn: string }[];
};

export type ReminderOutcome = {
  /** Delegates who got today's digest now. */
  notified: number;
  /** Of those, how many were e-mailed successfully. */
  emailed: number;
  emailFailed: number;
  /** Delegates who had had today's digest already. */
  alreadyToday: number;
  /** Countries with missing reports but no active delegate. */
  withoutDelegate: string[];
};

type Options = { mailer?: Mailer | null; now?: Date };

/**
 * Sends today's reminder digest to the active delegates of every country with missing reports in
 * this (open) round — or of one country. Each delegate gets at most one digest a day.
 */
export async function sendReminders(
  actor: Actor,
  input: { roundId: string; countryCode: string | null },
  ip: string | null,
  options: Options = {},
): Promise<ReminderOutcome> {
  if (!canSendReminders(actor)) throw new ForbiddenError("only the secretariat sends reminders");
  const now = options.now ?? new Date();
  const today = todayUtc(now);
  const round = await db.reportingRound.findUnique({ where: { id: input.roundId }, select: { id: true, opensOn: true, closesOn: true } });
  if (!round) throw new NotFoundError("round");
  if (roundState(round, today) !== "open") throw new ConflictError("round.notOpen");
  if (input.countryCode && !(await db.country.findUnique({ where: { code: input.countryCode }, select: { code: true } }))) {
    throw new NotFoundError("country");
  }

  const missingHere = await missingPairsOf(round.id, input.countryCode ?? undefined);
  const countries = [...new Set(missingHere.map((pair) => pair.countryCode))];
  const delegates = await db.user.findMany({
    where: { role: "DELEGATE", deactivatedAt: null, countryCode: { in: countries } },
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, countryCode: true, country: { select: { nameAr: true, nameEn: true } } },
  });
  const withoutDelegate = countries.filter((code) => !delegates.some((d) => d.countryCode === code));

  // The digest covers every open round, not only this one: one message a day says it all.
  const digests = new Map<string, ReminderData>();
  for (const code of countries) digests.set(code, await digestFor(code, today));

  const fresh = await db.$transaction(async (tx) => {
    const sent: { digestId: string; delegate: (typeof delegates)[number]; data: ReminderData }[] = [];
    for (const delegate of delegates) {
      const data = digests.get(delegate.countryCode!);
      if (!data || data.commitments.length === 0) continue;
      const [inserted] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO reminder_digest (id, user_id, round_id, sent_on)
        VALUES (gen_random_uuid(), ${delegate.id}::uuid, ${round.id}::uuid, ${today.toISOString().slice(0, 10)}::date)
        ON CONFLICT (user_id, sent_on) DO NOTHING
        RETURNING id::text AS id`;
      if (!inserted) continue;
      await tx.notification.create({ data: { userId: delegate.id, kind: REMINDER_KIND, data: data as unknown as Prisma.InputJsonObject } });
      await appendAudit(tx, {
        actor,
        action: "reminder.sent",
        targetType: "user",
        targetId: delegate.id,
        after: auditJson({ roundId: round.id, countryCode: delegate.countryCode, commitments: data.commitments.map((c) => c.code) }),
        ip,
      });
      sent.push({ digestId: inserted.id, delegate, data });
    }
    return sent;
  });
  const eligible = delegates.filter((d) => (digests.get(d.countryCode!)?.commitments.length ?? 0) > 0).length;

  const mailer = options.mailer === undefined ? configuredMailer() : options.mailer;
  let emailed = 0;
  let emailFailed = 0;
  if (mailer) {
    for (const { digestId, delegate, data } of fresh) {
      const mail = reminderDigestMail({
        recipientName: delegate.name,
        country: delegate.country!,
        rounds: data.rounds.map((r) => ({ ...r, closesOn: new Date(`${r.closesOn}T00:00:00Z`) })),
        commitments: data.commitments,
        baseUrl: env.NEXTAUTH_URL?.replace(/\/$/, ""),
      });
      try {
        await mailer.send({ to: delegate.email, ...mail });
        await db.$transaction(async (tx) => {
          await tx.reminderDigest.update({ where: { id: digestId }, data: { emailedAt: new Date() } });
          await appendAudit(tx, { actor, action: "reminder.emailed", targetType: "user", targetId: delegate.id, after: { to: delegate.email }, ip });
        });
        emailed += 1;
      } catch (error) {
        emailFailed += 1;
        logger.error("reminder e-mail failed", { userId: delegate.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return { notified: fresh.length, emailed, emailFailed, alreadyToday: eligible - fresh.length, withoutDelegate };
}

/** The country's commitments without a report in any round open today, with those rounds. */
async function digestFor(countryCode: string, today: Date): Promise<ReminderData> {
  const rounds = await db.reportingRound.findMany({
    where: { opensOn: { lte: today }, closesOn: { gte: today } },
    orderBy: [{ closesOn: "asc" }, { createdAt: "asc" }],
    select: { id: true, name: true, closesOn: true, session: { select: { number: true } } },
  });
  const missingIds: string[] = [];
  const withMissing: ReminderData["rounds"] = [];
  for (const round of rounds) {
    const pairs = await missingPairsOf(round.id, countryCode);
    if (pairs.length === 0) continue;
    withMissing.push({ id: round.id, name: round.name, sessionNumber: round.session.number, closesOn: round.closesOn.toISOString().slice(0, 10) });
    for (const pair of pairs) if (!missingIds.includes(pair.commitmentId)) missingIds.push(pair.commitmentId);
  }
  const commitments = await db.commitment.findMany({
    where: { id: { in: missingIds } },
    orderBy: [{ session: { number: "asc" } }, { sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, titleAr: true, titleEn: true },
  });
  return { countryCode, rounds: withMissing, commitments };
}
