import "server-only";
import { db } from "@/lib/db";
import { appendAudit } from "./audit";

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
           address.failures AS address_failures, address.last AS address_last,
           EXISTS (
             SELECT 1 FROM login_attempt
             WHERE ip = ${ip} AND reason = 'throttled' AND at > ${now}::timestamptz - make_interval(mins => ${THROTTLE.refusedRecordMinutes})
           ) AS recorded_lately
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

export async function recordLoginAttempt(attempt: { email: string; ip: string; reason: AttemptReason; at?: Date }) {
  await db.loginAttempt.create({
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
 * leaves a row a minute, not one per request (it cannot fill the database). The check and the
 * insert hold a lock on the address, so that requests arriving at once do not each find none.
 */
export async function recordThrottledAttempt(email: string, ip: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('login_attempt.throttled'), hashtext(${ip}))`;
    const inserted = await tx.$executeRaw`
      INSERT INTO login_attempt (email, ip, success, reason)
      SELECT ${email}, ${ip}, false, 'throttled'
      WHERE NOT EXISTS (
        SELECT 1 FROM login_attempt
        WHERE ip = ${ip} AND reason = 'throttled' AND at > now() - make_interval(mins => ${THROTTLE.refusedRecordMinutes})
      )`;
    if (inserted === 1) {
      await appendAudit(tx, { actor: null, action: "auth.sign_in_refused", targetType: "user", targetId: email, after: { reason: "throttled" }, ip });
    }
  });
}
