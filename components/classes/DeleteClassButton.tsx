"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import { sendJson } from "../forms/sendJson";

/** Delete the class, in two steps (a second, explicit confirmation). Owner only; the server checks. */
export default function DeleteClassButton({ classId }: { classId: string }) {
  const t = useTranslations("team");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  async function remove() {
    setBusy(true);
    const res = await sendJson(`/api/classes/${classId}`, "DELETE");
    setBusy(false);
    if (!res.ok) return setError(res.error);
    router.push("/classes");
    router.refresh();
  }
  return (
    <div className="dash-actions">
      {!confirming ? (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>{t("delete")}</button>
      ) : (
        <>
          <button type="button" className="danger" onClick={remove} disabled={busy} autoFocus>{t("confirm")}</button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>{t("cancel")}</button>
        </>
      )}
      <FieldError code={error} />
    </div>
  );
}
