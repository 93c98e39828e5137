"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { firstError, lessonTitleSchema, type ErrorCode } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import { sendJson } from "../forms/sendJson";
import Form from "../forms/Form";

export default function LessonTitleForm({ lessonId, title }: { lessonId: string; title: string }) {
  const t = useTranslations("lessons");
  const [error, setError] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const parsed = lessonTitleSchema.safeParse({ title: new FormData(e.currentTarget).get("title") });
    if (!parsed.success) return setError(firstError(parsed.error));
    const res = await sendJson(`/api/lessons/${lessonId}`, "PATCH", parsed.data);
    if (!res.ok) return setError(res.error);
    setError(null);
    setSaved(true);
  }
  return (
    <Form className="card stack" onSubmit={onSubmit} noValidate>
      <label>
        {t("lessonTitle")}
        <input name="title" defaultValue={title} maxLength={140} />
      </label>
      <FieldError code={error} />
      <div>
        <button type="submit">{t("save")}</button> {saved && <span role="status">{t("saved")}</span>}
      </div>
    </Form>
  );
}
