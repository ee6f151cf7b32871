import "server-only";
// The short thread on a pair between the country's delegates and the secretariat.
// Append-only. Another country's thread does not exist for a delegate (NotFoundError).
import type { Actor } from "@/lib/auth/actor";
import { canComment } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { appendAudit } from "./audit";
import { requirePair } from "./pairs";

export async function addComment(
  actor: Actor,
  input: { commitment: string; country: string; body: string },
  ip: string | null,
): Promise<{ commentId: string }> {
  if (!canComment(actor, input.country)) throw new NotFoundError("thread");
  const { commitment, country } = await requirePair(input.commitment, input.country);
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { commitmentId: commitment.id, countryCode: country.code, authorId: actor.id, body: input.body },
      select: { id: true },
    });
    await appendAudit(tx, {
      actor,
      action: "comment.added",
      targetType: "comment",
      targetId: comment.id,
      after: { commitment: commitment.code, country: country.code, length: input.body.length },
      ip,
    });
    return { commentId: comment.id };
  });
}
