// `npm run user:create -- --email you@example.org --role ADMIN [--name "…"] [--country QA]`
// Creates an account on the database of DATABASE_URL (e.g. the first admin of a production
// installation) and prints a one-time link to set its password — and, for roles that need
// it, to enrol an authenticator app.
import { parseArgs } from "node:util";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import { CreateUserSchema } from "@/lib/validation/users";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
    country: { type: "string" },
    "base-url": { type: "string", default: process.env.NEXTAUTH_URL ?? "http://localhost:3000" },
  },
});

async function main() {
  const parsed = CreateUserSchema.safeParse({
    email: values.email,
    role: values.role?.toUpperCase(),
    name: values.name ?? values.email,
    countryCode: values.country ?? "",
  });
  if (!parsed.success) {
    console.error("Usage: npm run user:create -- --email ADDRESS --role ADMIN|SECRETARIAT|DELEGATE|OBSERVER [--name NAME] [--country CC]");
    for (const issue of parsed.error.issues) console.error(`  ${issue.path.join(".")}: ${issue.message}`);
    process.exitCode = 2;
    return;
  }
  const { token, expiresAt } = await createUser(null, parsed.data, "cli");
  const link = new URL(`/en/set-password/${token}`, values["base-url"]);
  console.log(`Created ${parsed.data.role} ${parsed.data.email}.`);
  console.log(`Set the password (and enrol two-factor sign-in where required) before ${expiresAt.toISOString()}:`);
  console.log(`  ${link}`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
