// `npm run db:seed`: reference data always; demo accounts and history with SEED_DEMO=1.
// Idempotent: running it twice changes nothing.
import { generateTotpSecret } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { totpKeyConfigured, totpKeys } from "@/lib/env";
import { DEFAULT_DEMO_PASSWORD, seedDemoAccounts, seedDemoHistory } from "./seed-data/demo";
import { seedReferenceData } from "./seed-data/reference";

async function main() {
  const { created } = await seedReferenceData(db);
  console.log(`Reference data: ${created} row(s) created.`);
  if (process.env.SEED_DEMO === "1") {
    // Sealed with the published development key, the demo staff could never sign in on a server
    // with its own key (npm start passes the embedded demo's key).
    if (!totpKeyConfigured) throw new Error("SEED_DEMO=1 needs the server's TOTP_ENCRYPTION_KEY in the environment.");
    const password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
    // The demo admin and secretariat cannot sign in without an authenticator: give them one.
    const totpSecret = process.env.DEMO_TOTP_SECRET || generateTotpSecret();
    const created = await seedDemoAccounts(db, { password, totpSecret, totpKeys });
    const { reports } = await seedDemoHistory(db);
    console.log(`Demo data: ${created.length} new account(s), ${reports} new report(s).`);
    if (created.length > 0) {
      console.log(`New demo accounts (password: ${password}):`);
      for (const account of created) console.log(`  ${account.role.padEnd(11)} ${account.email}`);
      if (created.some((a) => a.role === "ADMIN" || a.role === "SECRETARIAT")) {
        console.log(`The admin and secretariat sign in with a TOTP code for the secret DEMO_TOTP_SECRET=${totpSecret}`);
      }
    }
  }
  // Autovacuum never analyses tables this small, and without statistics the planner guesses
  // the dashboard's joins with member states and themes badly.
  await db.$executeRaw`ANALYZE country, theme`;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
