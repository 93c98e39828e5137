"use client";
import { useTranslations } from "next-intl";
import type { ConnectionState } from "./useSocket";

export default function ConnectionBadge({ state }: { state: ConnectionState }) {
  const t = useTranslations("connection");
  return (
    <span className={`conn conn-${state}`} role="status" data-testid="connection">
      {t(state)}
    </span>
  );
}
