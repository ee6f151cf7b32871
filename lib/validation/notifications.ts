import { z } from "zod";

/** Marks one notification read, or all of the user's ("all"). */
export const MarkNotificationsReadSchema = z.object({
  notificationId: z.union([z.literal("all"), z.uuid()]),
});
