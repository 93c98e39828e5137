"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import { sendJson } from "../forms/sendJson";

/**
 * The switch that locks joining the class. Off by default, also during a live session: latecomers
 * must still get in. Locking refuses new joins only; enrolled students keep their place.
 */
export default function JoinLockSwitch({ classId, locked }: { classId: string; locked: boolean }) {
  const t = useTranslations("access");
  const router = useRouter();
  const [on, setOn] = useState(locked);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  async function toggle(next: boolean) {
    setOn(next); // shown at once; put back if the server refuses
    setBusy(true);
    const res = await sendJson(`/api/classes/${classId}/joining`, "PATCH", { joinLocked: next });
    setBusy(false);
    if (!res.ok) {
      setOn(!next);
      return setError(res.error);
    }
    setError(null);
    router.refresh();
  }
  return (
    <div className="stack" data-testid="join-lock">
      <label>
        <input type="checkbox" checked={on} disabled={busy} onChange={(e) => toggle(e.target.checked)} /> {t("lockLabel")}
      </label>
      <p className="muted" role="status">{on ? t("lockedNow") : t("openNow")}</p>
      <FieldError code={error} />
    </div>
  );
}
