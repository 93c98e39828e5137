"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import { sendJson } from "../forms/sendJson";

/** Remove one co-instructor from the class. */
export default function RemoveInstructorButton({ classId, userId, name }: { classId: string; userId: string; name: string }) {
  const t = useTranslations("team");
  const router = useRouter();
  const [error, setError] = useState<ErrorCode | null>(null);
  async function remove() {
    const res = await sendJson(`/api/classes/${classId}/instructors/${userId}`, "DELETE");
    if (!res.ok) return setError(res.error);
    router.refresh();
  }
  return (
    <span>
      <button type="button" className="secondary" onClick={remove} aria-label={`${t("remove")}: ${name}`}>{t("remove")}</button>
      <FieldError code={error} />
    </span>
  );
}
