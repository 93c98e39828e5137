"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/forms";
import { useSocket } from "./useSocket";
import ConnectionBadge from "./ConnectionBadge";
import FieldError from "./FieldError";

/** Keeps the student present in the class room so that the instructor sees them online. */
export default function StudentPresence({ classId }: { classId: string }) {
  const t = useTranslations("student");
  const [error, setError] = useState<ErrorCode | null>(null);
  const state = useSocket((socket) => {
    socket.emit("class:watch", { classId }, (res) => setError(res.ok ? null : res.error));
  });
  return (
    <div className="stack">
      <ConnectionBadge state={state} />
      <FieldError code={error} />
      <p className="muted">{t("waiting")}</p>
    </div>
  );
}
