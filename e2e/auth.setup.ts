import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { DEMO_EMAIL, demoTotp, signInOverHttp, storageStateOf } from "./support/accounts";
import { AUTH_DIR } from "./support/constants";
import { callServerAction, serverActionIds } from "./support/server-actions";

setup("sign in every subject of the permission matrix", async ({ playwright, baseURL }) => {
  mkdirSync(AUTH_DIR, { recursive: true });
  writeFileSync(storageStateOf("signedOut"), JSON.stringify({ cookies: [], origins: [] }));

  const signIn = async (subject: keyof typeof DEMO_EMAIL, path = storageStateOf(subject)) => {
    const context = await playwright.request.newContext({ baseURL });
    const needsTotp = subject === "admin" || subject === "secretariat";
    const response = await signInOverHttp(context, { email: DEMO_EMAIL[subject], ...(needsTotp ? { totp: demoTotp() } : {}) });
    expect(response.status(), `sign-in of ${subject}`).toBe(200);
    await context.storageState({ path });
    return context;
  };

  for (const subject of ["observer", "delegateB", "secretariat", "admin"] as const) await (await signIn(subject)).dispose();

  // "Delegate A with a revoked session": a cookie from before delegate A signed out everywhere.
  const revoked = await signIn("delegateA", storageStateOf("delegateARevoked"));
  const id = serverActionIds().get("lib/actions/account.ts#signOutEverywhereAction")!;
  const result = await callServerAction(revoked, { id, page: "/en/account", fields: { confirm: "yes" }, baseURL: baseURL! });
  expect(result.result).toMatchObject({ status: "success", message: "account.signedOutEverywhere" });
  expect((await revoked.get("/api/v1/me")).status()).toBe(401);
  await revoked.dispose();
  await (await signIn("delegateA")).dispose();
});
