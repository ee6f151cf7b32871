import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { DEMO_TOTP_SECRET, E2E_DATA_DIR, E2E_MAIL_FROM, smtpPortFor } from "./e2e/support/constants";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// Debian's Chromium where it exists: Playwright's own browser download needs the internet.
const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // Signs every subject of the permission matrix in once, over HTTP, and keeps their cookies.
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, dependencies: ["setup"] },
  ],
  // The app as users start it (`npm start`, embedded PostgreSQL, demo data), on its own
  // fresh database in .data/e2e.
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && npm start`,
    url: `${baseURL}/api/health`,
    env: {
      DATABASE_URL: "",
      TANFEETH_DATA_DIR: E2E_DATA_DIR,
      PORT: String(port),
      DEMO_TOTP_SECRET,
      NEXTAUTH_URL: baseURL,
      // Reminder e-mails go to a local SMTP server that e2e/secretariat-rounds.spec.ts runs.
      SMTP_URL: `smtp://127.0.0.1:${smtpPortFor(port)}`,
      MAIL_FROM: E2E_MAIL_FROM,
    },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
