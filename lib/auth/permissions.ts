// Who may do what: one pure function per decision, used by every page, server action and
// route handler (and by the data layer to scope its queries). Unit-tested in
// permissions.test.ts; exercised end to end by the permission matrix.
import type { Visibility } from "@/generated/prisma/enums";
import { NO_REPORT, WITHHELD, type DisplayedStatus } from "@/lib/status-scale";
import type { Actor } from "./actor";

const isStaff = (actor: Actor) => actor.role === "SECRETARIAT" || actor.role === "ADMIN";
const isDelegateOf = (actor: Actor, countryCode: string) =>
  actor.role === "DELEGATE" && actor.countryCode !== null && actor.countryCode === countryCode;

/**
 * All that these rules read of an actor: its role and member state. Two actors of one scope are
 * allowed the same things, so what one may read can be served to the other (the readings kept
 * in lib/data/snapshot-cache.ts; a test checks that those read nothing else of an actor).
 */
export function actorScope(actor: Actor): string {
  return `${actor.role} ${actor.countryCode ?? "-"}`;
}

/** Everyone signed in sees the dashboard's aggregates. */
export function canReadDashboard(actor: Actor | null): actor is Actor {
  return actor !== null;
}

/** Whether the actor may read a submitted report of `countryCode` with this visibility. */
export function canReadReport(actor: Actor, report: { countryCode: string; visibility: Visibility }): boolean {
  if (isStaff(actor) || isDelegateOf(actor, report.countryCode)) return true;
  if (actor.role === "DELEGATE") return report.visibility === "MEMBERS" || report.visibility === "OBSERVERS";
  if (actor.role === "OBSERVER") return report.visibility === "OBSERVERS";
  return false;
}

/** The visibilities of *other* countries' reports the actor may read (own country: all). */
export function readableVisibilities(actor: Actor): Visibility[] {
  if (isStaff(actor)) return ["RESTRICTED", "MEMBERS", "OBSERVERS"];
  if (actor.role === "DELEGATE") return ["MEMBERS", "OBSERVERS"];
  return ["OBSERVERS"];
}

/** Whether the actor sees every report of this country whatever its visibility. */
export function canReadAllReportsOf(actor: Actor, countryCode: string): boolean {
  return isStaff(actor) || isDelegateOf(actor, countryCode);
}

/**
 * Whether a pair's page opens for the actor, given the status the actor sees on it (matrix,
 * lineage): the page shows what the actor may read of the pair, and is a 404 when that is
 * nothing — no report, or only reports withheld from the actor.
 */
export function canOpenPair(actor: Actor, countryCode: string, shown: DisplayedStatus): boolean {
  return canReadAllReportsOf(actor, countryCode) || (shown !== NO_REPORT && shown !== WITHHELD);
}

/**
 * A pair's detail on the dashboard — its status, the secretariat's assessment of it, whether
 * the two disagree, its timeliness — follows its latest report: shown when the actor may read
 * that report. A pair without a report hides nothing (an assessment made without one is the
 * secretariat's own).
 */
export function canReadPairDetail(actor: Actor, pair: { countryCode: string; visibility: Visibility | null }): boolean {
  return pair.visibility === null || canReadReport(actor, { countryCode: pair.countryCode, visibility: pair.visibility });
}

/** The fewest reports withheld from a viewer that a roll-up's status figures may rest on. */
export const MIN_WITHHELD_IN_AGGREGATE = 3;

/**
 * Whether a roll-up (completion, status counts, assessments, timeliness) over a group in which
 * `withheldReports` reports are withheld from the viewer may be shown to them. Aggregates count
 * every report; but one or two withheld reports could be read off the figure (a commitment only
 * Qatar has reported on shows Qatar's status), so such a figure is withheld too.
 * Reporting rates are never withheld: whether a report exists is not secret.
 */
export function canSeeAggregate(withheldReports: number): boolean {
  return withheldReports === 0 || withheldReports >= MIN_WITHHELD_IN_AGGREGATE;
}

/** Only a delegate of the country writes its self-reports; the secretariat never does. */
export function canWriteReport(actor: Actor, countryCode: string): boolean {
  return isDelegateOf(actor, countryCode);
}

/** Whether the actor reports for some country at all (a delegate with a country). */
export function canWriteReports(actor: Actor): boolean {
  return actor.role === "DELEGATE" && actor.countryCode !== null;
}

export function canReviewReports(actor: Actor): boolean {
  return isStaff(actor);
}

export function canAssess(actor: Actor): boolean {
  return isStaff(actor);
}

/** The pair's comment thread: the country's delegates and the secretariat. */
export function canComment(actor: Actor, countryCode: string): boolean {
  return isStaff(actor) || isDelegateOf(actor, countryCode);
}

/** Whether the actor takes part in any pair's thread (its country's delegates, the secretariat). */
export function canWriteComments(actor: Actor): boolean {
  return isStaff(actor) || canWriteReports(actor);
}

export function canManageSessions(actor: Actor): boolean {
  return isStaff(actor);
}

export function canManageRounds(actor: Actor): boolean {
  return isStaff(actor);
}

export function canSendReminders(actor: Actor): boolean {
  return isStaff(actor);
}

export function canManageUsers(actor: Actor): boolean {
  return actor.role === "ADMIN";
}

export function canReadAuditLog(actor: Actor): boolean {
  return actor.role === "ADMIN";
}

/** Two-factor sign-in is required for these roles, optional for the others. */
export function requiresTwoFactor(role: Actor["role"]): boolean {
  return role === "ADMIN" || role === "SECRETARIAT";
}
