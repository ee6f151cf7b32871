import { z } from "zod";

/** A commitment code: session number and position, "35/6". */
export const CommitmentCodeSchema = z.string().regex(/^[1-9]\d{0,3}\/[1-9]\d{0,3}$/);

/** The /commitments/{session}/{number} URL segments, as the code they name. */
export const CommitmentCodeParamsSchema = z
  .object({
    session: z.string().regex(/^[1-9]\d{0,3}$/),
    number: z.string().regex(/^[1-9]\d{0,3}$/),
  })
  .transform(({ session, number }) => ({ code: `${session}/${number}` }));

export const SessionQuerySchema = z.object({
  session: z.coerce.number().int().min(1).max(9999),
});
