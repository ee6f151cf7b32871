import "server-only";
// Outgoing e-mail through nodemailer, configured by SMTP_URL (see lib/mail/smtp-url.ts).
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export type OutgoingMail = { to: string; subject: string; text: string };

export type Mailer = { send(mail: OutgoingMail): Promise<void> };

/** A mailer for one SMTP server: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. */
export function createMailer(url: string, from: string): Mailer {
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  const transport = nodemailer.createTransport(
    {
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
      secure,
      ...(parsed.username
        ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }
        : {}),
      // nodemailer waits minutes by default; a reminder must not hold a request that long.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    { from },
  );
  return {
    async send(mail) {
      await transport.sendMail(mail);
    },
  };
}

let configured: Mailer | null | undefined;

/** The mailer of SMTP_URL, or null when e-mail is not configured (notifications stay in-app). */
export function configuredMailer(): Mailer | null {
  if (configured === undefined) configured = env.SMTP_URL ? createMailer(env.SMTP_URL, env.MAIL_FROM) : null;
  return configured;
}
