import type { Role } from "@/generated/prisma/enums";

/** The signed-in user as every permission decision and query sees them, read from the database. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The delegate's country; null for every other role. */
  countryCode: string | null;
};
