// `npm run db:seed`: reference data always; demo accounts and history with SEED_DEMO=1.
// Idempotent: running it twice changes nothing.
import { db } from "@/lib/db";
import { DEFAULT_DEMO_PASSWORD, seedDemoAccounts, seedDemoHistory } from "./seed-data/demo";
import { seedReferenceData } from "./seed-data/reference";

async function main() {
  const { created } = await seedReferenceData(db);
  console.log(`Reference data: ${created} row(s) created.`);
  if (process.env.SEED_DEMO === "1") {
    const accounts = await seedDemoAccounts(db, {
      password: process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
      totpSecret: process.env.DEMO_TOTP_SECRET || undefined,
    });
    const { reports } = await seedDemoHistory(db);
    console.log(`Demo data: ${accounts.length} account(s), ${reports} new report(s).`);
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
