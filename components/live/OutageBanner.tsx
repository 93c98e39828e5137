"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

const POLL_MS = 3000;
type Health = { db: "up" | "down"; redis: "off" | "up" | "down" } | "unreachable";

/**
 * For the instructor during a live session: a banner while the database (or this node's link to
 * the other nodes) is down, saying what it means for the class. Polls /api/health every 3 s.
 */
export default function OutageBanner() {
  const t = useTranslations("outage");
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const res = await fetch("/api/health", { cache: "no-store" });
        const body = (await res.json()) as Exclude<Health, "unreachable">;
        if (!stop) setHealth(body);
      } catch {
        if (!stop) setHealth("unreachable");
      }
      if (!stop) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, []);
  if (!health || health === "unreachable") return null; // the connection badge already says the server is gone
  if (health.db === "down") {
    return (
      <p className="live-banner outage-banner" role="alert" data-testid="outage-banner">
        <strong>{t("dbTitle")}</strong> <span>{t("dbHint")}</span>
      </p>
    );
  }
  if (health.redis === "down") {
    return (
      <p className="live-banner outage-banner" role="alert" data-testid="outage-banner">
        <strong>{t("redisTitle")}</strong> <span>{t("redisHint")}</span>
      </p>
    );
  }
  return null;
}
