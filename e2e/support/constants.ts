// Shared by playwright.config.ts and the specs.
export const E2E_DATA_DIR = ".data/e2e";
/** The demo admin's and secretariat's TOTP secret in browser tests (base32). */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
export const DEMO_PASSWORD = "Algiers-35-demo";
export const AUTH_DIR = "test-results/.auth";
/** The SMTP server the app mails reminders to in browser tests (a spec starts it when it needs it). */
export const smtpPortFor = (appPort: number) => appPort + 20_000;
export const E2E_MAIL_FROM = "Tanfeeth e2e <reminders@tanfeeth.test>";
