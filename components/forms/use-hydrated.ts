"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and during hydration, true once React owns the form. Forms expose it as
 * `data-hydrated`, so that browser tests type only after hydration (which resets a textarea to
 * its server-rendered text).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
