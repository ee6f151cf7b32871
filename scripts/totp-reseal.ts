// `npm run totp:reseal`: seals every stored TOTP secret with TOTP_ENCRYPTION_KEY — those kept in
// clear by a version before encryption, and those sealed with TOTP_ENCRYPTION_KEY_PREVIOUS during
// a key rotation — on the database of DATABASE_URL. Safe to run again; it changes only those.
import { sealStoredTotpSecrets } from "@/lib/data/accounts";
import { db } from "@/lib/db";
import { totpKeyConfigured } from "@/lib/env";

async function main() {
  // Without it the development key would seal production secrets.
  if (!totpKeyConfigured) {
    console.error("Set TOTP_ENCRYPTION_KEY (and TOTP_ENCRYPTION_KEY_PREVIOUS while rotating) to the server's keys.");
    process.exitCode = 2;
    return;
  }
  const { sealed, unreadable } = await sealStoredTotpSecrets();
  console.log(`Sealed ${sealed} TOTP secret${sealed === 1 ? "" : "s"} with the current key.`);
  if (unreadable.length > 0) {
    console.error(`No configured key opens the TOTP secret of these accounts (keep the previous key until it is fixed):`);
    for (const id of unreadable) console.error(`  ${id}`);
    process.exitCode = 1;
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
