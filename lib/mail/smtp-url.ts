import { z } from "zod";

/**
 * SMTP_URL as nodemailer reads it: smtp://user:pass@host:587 (STARTTLS when the server offers it)
 * or smtps://user:pass@host:465 (TLS from the start). Empty or unset: no e-mail, in-app only.
 */
export const SmtpUrlSchema = z
  .union([z.literal(""), z.url({ protocol: /^smtps?$/, hostname: z.regexes.hostname, error: "must be an smtp:// or smtps:// URL" })])
  .optional()
  .transform((value) => value || undefined);

/** The URL without its password, for logs. */
export function redactSmtpUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
