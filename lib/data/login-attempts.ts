import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { recordRefusedSignIn } from "./accounts";
import { recordOnce } from "./record-once";

export const THROTTLE = {
  /** Consecutive failures for one account from one address. */
  accountFailures: 10,
  /** Failures from one address within a day. */
  addressFailures: 100,
  blockMinutes: 15,
  /** Attempts the throttle refuses are recorded at most once in this many minutes per address. */
  refusedRecordMinutes: 1,
} as const;

export type ThrottleStatus =
  | { blocked: false }
  | {
      blocked: true;
      retryAfterSeconds: number;
      /** A refused attempt from this address was recorded less than `refusedRecordMinutes` ago. */
      recordedLately: boolean;
    };

/** Whether an attempt from `ip` refused by the throttle was recorded in the `refusedRecordMinutes` before `now`. */
const throttledLately = (ip: string, now: Date) => Prisma.sql`EXISTS (
  SELECT 1 FROM login_attempt
  WHERE ip = ${ip} AND reason = 'throttled' AND at > ${now}::timestamptz - make_interval(mins => ${THROTTLE.refusedRecordMinutes})
)`;

/**
 * Whether sign-in attempts for `email` from `ip` are blocked. Read from PostgreSQL, so that
 * it survives restarts and holds across app instances; checked before any password hashing.
 * Attempts refused by the throttle itself do not extend the block.
 */
export async function getThrottleStatus(email: string, ip: string, now = new Date()): Promise<ThrottleStatus> {
  const [row] = await db.$queryRaw<
    { account_failures: bigint; account_last: Date | null; address_failures: bigint; address_last: Date | null; recorded_lately: boolean }[]
  >`
    WITH last_success AS (
      SELECT max(at) AS at FROM login_attempt WHERE email = ${email} AND ip = ${ip} AND success
    ),
    account AS (
      SELECT count(*) AS failures, max(at) AS last FROM login_attempt
      WHERE email = ${email} AND ip = ${ip} AND NOT success AND reason <> 'throttled'
        AND at > greatest((SELECT at FROM last_success), ${now}::timestamptz - interval '1 day')
    ),
    address AS (
      SELECT count(*) AS failures, max(at) AS last FROM login_attempt
      WHERE ip = ${ip} AND NOT success AND reason <> 'throttled' AND at > ${now}::timestamptz - interval '1 day'
    )
    SELECT account.failures AS account_failures, account.last AS account_last,
           address.failures AS address_failures, address.last AS address_last, ${throttledLately(ip, now)} AS recorded_lately
    FROM account, address`;
  if (!row) return { blocked: false };
  const blockMs = THROTTLE.blockMinutes * 60_000;
  const until = Math.max(
    Number(row.account_failures) >= THROTTLE.accountFailures && row.account_last ? row.account_last.getTime() + blockMs : 0,
    Number(row.address_failures) >= THROTTLE.addressFailures && row.address_last ? row.address_last.getTime() + blockMs : 0,
  );
  if (until <= now.getTime()) return { blocked: false };
  return { blocked: true, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000), recordedLately: row.recorded_lately };
}

export type AttemptReason =
  | "ok"
  | "invalid_input"
  | "bad_credentials"
  | "inactive"
  | "totp_required"
  | "totp_not_enrolled"
  | "bad_totp"
  | "throttled";

export async function recordLoginAttempt(
  attempt: { email: string; ip: string; reason: AttemptReason; at?: Date },
  tx: Pick<Prisma.TransactionClient, "loginAttempt"> = db,
) {
  await tx.loginAttempt.create({
    data: {
      email: attempt.email,
      ip: attempt.ip,
      success: attempt.reason === "ok",
      reason: attempt.reason,
      ...(attempt.at ? { at: attempt.at } : {}),
    },
  });
}

/**
 * Records an attempt the throttle refused, in the attempts and in the audit log, unless one from
 * the same address was recorded in the last `refusedRecordMinutes`: a flood from one address
 * leaves a row a minute, not one per request (it cannot fill the database).
 */
export async function recordThrottledAttempt(email: string, ip: string, now = new Date()): Promise<void> {
  await recordOnce({
    scope: "login_attempt.throttled",
    key: ip,
    recordedLately: async (tx) => (await tx.$queryRaw<[{ lately: boolean }]>`SELECT ${throttledLately(ip, now)} AS lately`)[0].lately,
    record: async (tx) => {
      await recordLoginAttempt({ email, ip, reason: "throttled" }, tx);
      await recordRefusedSignIn(email, "throttled", ip, tx);
    },
  });
}
