"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { RosterEntry } from "@/lib/live/protocol";
import { applyRoster } from "@/lib/join/roster";
import type { ErrorCode } from "@/lib/edge/forms";
import { useSocket } from "../live/useSocket";
import ConnectionBadge from "../live/ConnectionBadge";
import FieldError from "../forms/FieldError";

/** The class roster, kept live over socket.io: students appear as they join. */
export default function LiveRoster({ classId, initial }: { classId: string; initial: RosterEntry[] }) {
  const t = useTranslations("roster");
  const [roster, setRoster] = useState(initial);
  const [error, setError] = useState<ErrorCode | null>(null);
  const state = useSocket((socket) => {
    if (!socket.hasListeners("class:roster")) {
      socket.on("class:roster", (msg) => {
        if (msg.classId === classId) setRoster(msg.roster);
      });
      // Deltas: one small message per join or presence change, never the whole roster.
      socket.on("class:joined", (msg) => msg.classId === classId && setRoster((r) => applyRoster(r, { kind: "joined", entry: msg.entry })));
      socket.on("class:presence", (msg) => msg.classId === classId && setRoster((r) => applyRoster(r, { kind: "presence", userId: msg.userId, online: msg.online })));
    }
    socket.emit("class:watch", { classId }, (res) => {
      if (!res.ok) return setError(res.error);
      setError(null);
      if (res.roster) setRoster(res.roster);
    });
  });
  const online = roster.filter((r) => r.online).length;
  return (
    <section className="card" aria-labelledby="roster-title">
      <h2 id="roster-title">
        {t("title")} <span className="muted">{t("count", { total: roster.length, online })}</span>
      </h2>
      <ConnectionBadge state={state} />
      <FieldError code={error} />
      {roster.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ul className="roster" aria-live="polite" data-testid="roster">
          {roster.map((r) => (
            <li key={r.userId}>
              <span className={r.online ? "dot on" : "dot"} aria-hidden />
              <span>{r.nickname}</span>
              <span className="sr-only">{r.online ? t("online") : t("offline")}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
