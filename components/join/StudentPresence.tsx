"use client";
import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/forms";
import { useSocket } from "../live/useSocket";
import ConnectionBadge from "../live/ConnectionBadge";
import FieldError from "../forms/FieldError";

/**
 * Keeps the student present in the class room so that the instructor sees them online, and shows
 * "Enter the live session" (one click) while the class has a live session — known from the page
 * load, the class:watch ack and live class:session events. No automatic redirect: a student who
 * was removed or came back on purpose is not pulled in again.
 */
export default function StudentPresence({ classId, initialSessionId = null }: { classId: string; initialSessionId?: string | null }) {
  const t = useTranslations("student");
  const tl = useTranslations("live.home");
  const [error, setError] = useState<ErrorCode | null>(null);
  const [liveSessionId, setLiveSessionId] = useState<string | null>(initialSessionId);
  const state = useSocket((socket) => {
    if (!socket.hasListeners("class:session")) {
      socket.on("class:session", (msg) => {
        if (msg.classId === classId) setLiveSessionId(msg.liveSessionId);
      });
    }
    socket.emit("class:watch", { classId }, (res) => {
      setError(res.ok ? null : res.error);
      if (res.ok && res.liveSessionId !== undefined) setLiveSessionId(res.liveSessionId);
    });
  });
  return (
    <div className="stack">
      <ConnectionBadge state={state} />
      <FieldError code={error} />
      <div aria-live="polite">
        {liveSessionId ? (
          <div className="live-invite stack" data-testid="live-invite">
            <h2>{tl("title")}</h2>
            <p>{tl("hint")}</p>
            <Link className="button live-cta" href={`/live/${liveSessionId}`}>
              {tl("enter")}
            </Link>
          </div>
        ) : (
          <p className="muted">{t("waiting")}</p>
        )}
      </div>
    </div>
  );
}
