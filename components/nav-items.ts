import type { Actor } from "@/lib/auth/actor";
import {
  canManageRounds,
  canManageSessions,
  canManageUsers,
  canReadAuditLog,
  canReviewReports,
  canWriteReports,
} from "@/lib/auth/permissions";

/** The header's navigation: each entry shows only to those who may open it. */
export type NavItem = { href: string; label: string; visible: (actor: Actor) => boolean };

// `label` is a key of the common.nav catalog.
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "dashboard", visible: () => true },
  { href: "/my-country", label: "myCountry", visible: canWriteReports },
  { href: "/review", label: "review", visible: canReviewReports },
  { href: "/admin/sessions", label: "sessions", visible: canManageSessions },
  { href: "/admin/rounds", label: "rounds", visible: canManageRounds },
  { href: "/admin/users", label: "users", visible: canManageUsers },
  { href: "/admin/audit", label: "audit", visible: canReadAuditLog },
];
