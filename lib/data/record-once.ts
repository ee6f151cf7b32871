import "server-only";
// Refusals a flood repeats are recorded once a while, not once a request (the sign-ins a block
// refuses, the writes refused for lack of permission): whether one was recorded lately is asked
// and the record written under one transaction lock on what is being recorded, so that requests
// arriving at once do not each find none and each record.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

export type RecordOnce = {
  /** What is recorded (a lock namespace), and of whom: e.g. "access.refused" and a user and target. */
  scope: string;
  key: string;
  recordedLately(tx: Prisma.TransactionClient): Promise<boolean>;
  record(tx: Prisma.TransactionClient): Promise<void>;
};

export async function recordOnce({ scope, key, recordedLately, record }: RecordOnce): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${scope}), hashtext(${key}))`;
    if (!(await recordedLately(tx))) await record(tx);
  });
}
