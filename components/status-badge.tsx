import { useTranslations } from "next-intl";
import type { DisplayedStatus } from "@/lib/status-scale";
import { StatusBadgeLook } from "./status-badge-look";

export { STATUS_LOOK } from "./status-badge-look";

export function StatusBadge({ status }: { status: DisplayedStatus }) {
  const t = useTranslations("common.status");
  return <StatusBadgeLook status={status} word={t(status)} />;
}
