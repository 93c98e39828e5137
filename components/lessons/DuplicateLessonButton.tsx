"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import FieldError from "../forms/FieldError";
import { useSend } from "../forms/useSend";

export default function DuplicateLessonButton({ lessonId }: { lessonId: string }) {
  const t = useTranslations("lessons");
  const router = useRouter();
  const { error, busy, send } = useSend();
  async function duplicate() {
    const copy = await send<{ id: string }>(`/api/lessons/${lessonId}/duplicate`, "POST");
    if (copy) router.push(`/lessons/${copy.id}`);
  }
  return (
    <>
      <button type="button" onClick={duplicate} disabled={busy}>
        {t("duplicate")}
      </button>
      <FieldError code={error} />
    </>
  );
}
