// Every message catalog, one JSON file per namespace and locale. English is the reference
// shape: the Arabic catalogs must have the same keys (checked at typecheck and by a test).
import arAdmin from "./messages/ar/admin.json";
import arAudit from "./messages/ar/audit.json";
import arAuth from "./messages/ar/auth.json";
import arCommon from "./messages/ar/common.json";
import arDashboard from "./messages/ar/dashboard.json";
import arForms from "./messages/ar/forms.json";
import arMail from "./messages/ar/mail.json";
import arReporting from "./messages/ar/reporting.json";
import arNotifications from "./messages/ar/notifications.json";
import arRounds from "./messages/ar/rounds.json";
import arSecretariat from "./messages/ar/secretariat.json";
import enAdmin from "./messages/en/admin.json";
import enAudit from "./messages/en/audit.json";
import enAuth from "./messages/en/auth.json";
import enCommon from "./messages/en/common.json";
import enDashboard from "./messages/en/dashboard.json";
import enForms from "./messages/en/forms.json";
import enMail from "./messages/en/mail.json";
import enReporting from "./messages/en/reporting.json";
import enNotifications from "./messages/en/notifications.json";
import enRounds from "./messages/en/rounds.json";
import enSecretariat from "./messages/en/secretariat.json";
import type { Locale } from "./routing";

const en = {
  admin: enAdmin,
  audit: enAudit,
  auth: enAuth,
  common: enCommon,
  dashboard: enDashboard,
  forms: enForms,
  mail: enMail,
  reporting: enReporting,
  notifications: enNotifications,
  rounds: enRounds,
  secretariat: enSecretariat,
};

export type Messages = typeof en;

export const catalogs: Record<Locale, Messages> = {
  en,
  ar: {
    admin: arAdmin,
    audit: arAudit,
    auth: arAuth,
    common: arCommon,
    dashboard: arDashboard,
    forms: arForms,
    mail: arMail,
    reporting: arReporting,
    notifications: arNotifications,
    rounds: arRounds,
    secretariat: arSecretariat,
  },
};
