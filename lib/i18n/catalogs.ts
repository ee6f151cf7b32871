// Every message catalog, one JSON file per namespace and locale. English is the reference
// shape: the Arabic catalogs must have the same keys (checked at typecheck and by a test).
import arAdmin from "./messages/ar/admin.json";
import arAuth from "./messages/ar/auth.json";
import arCommon from "./messages/ar/common.json";
import arDashboard from "./messages/ar/dashboard.json";
import arForms from "./messages/ar/forms.json";
import arReporting from "./messages/ar/reporting.json";
import enAdmin from "./messages/en/admin.json";
import enAuth from "./messages/en/auth.json";
import enCommon from "./messages/en/common.json";
import enDashboard from "./messages/en/dashboard.json";
import enForms from "./messages/en/forms.json";
import enReporting from "./messages/en/reporting.json";
import type { Locale } from "./routing";

const en = {
  admin: enAdmin,
  auth: enAuth,
  common: enCommon,
  dashboard: enDashboard,
  forms: enForms,
  reporting: enReporting,
};

export type Messages = typeof en;

export const catalogs: Record<Locale, Messages> = {
  en,
  ar: {
    admin: arAdmin,
    auth: arAuth,
    common: arCommon,
    dashboard: arDashboard,
    forms: arForms,
    reporting: arReporting,
  },
};
