import { z } from "zod";
import { DateOnlySchema, requiredText } from "./common";
import { SessionNumberSchema } from "./council-sessions";

const roundFields = {
  name: requiredText(200),
  opensOn: DateOnlySchema,
  closesOn: DateOnlySchema,
};

const inOrder = (input: { opensOn: Date; closesOn: Date }) => input.opensOn <= input.closesOn;

export const CreateRoundSchema = z
  .object({ sessionNumber: SessionNumberSchema, ...roundFields })
  .refine(inOrder, { path: ["closesOn"], error: "round.closesBeforeOpen" });
export type CreateRoundInput = z.infer<typeof CreateRoundSchema>;

export const UpdateRoundSchema = z
  .object({ roundId: z.uuid(), ...roundFields })
  .refine(inOrder, { path: ["closesOn"], error: "round.closesBeforeOpen" });
export type UpdateRoundInput = z.infer<typeof UpdateRoundSchema>;

/** Reminders for a round: every country with missing reports, or one. */
export const SendRemindersSchema = z.object({
  roundId: z.uuid(),
  countryCode: z
    .union([z.literal(""), z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: "country.invalid" })])
    .optional()
    .transform((value) => value || null),
});

export const RoundIdParamSchema = z.uuid();
