// Every message catalog, one JSON file per namespace and locale. English is the reference
// shape: the Arabic catalogs must have the same keys (checked at typecheck and by a test).
import arCommon from "./messages/ar/common.json";
import arDashboard from "./messages/ar/dashboard.json";
import enCommon from "./messages/en/common.json";
import enDashboard from "./messages/en/dashboard.json";
import type { Locale } from "./routing";

const en = {
  common: enCommon,
  dashboard: enDashboard,
};

export type Messages = typeof en;

export const catalogs: Record<Locale, Messages> = {
  en,
  ar: {
    common: arCommon,
    dashboard: arDashboard,
  },
};
